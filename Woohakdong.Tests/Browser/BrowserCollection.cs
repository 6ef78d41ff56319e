namespace Woohakdong.Tests.Browser;

/// <summary>
/// Browser tests drive chromium against an app that must answer within Playwright's waits; run alongside the
/// parallel database crowds they starved for CPU on two cores. They run alone, one class after another.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection
{
    public const string Name = "Browser";
}
