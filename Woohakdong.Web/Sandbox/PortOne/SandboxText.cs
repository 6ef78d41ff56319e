namespace Woohakdong.Web.Sandbox.PortOne;

/// <summary>Marker for the sandbox payment window's texts (SandboxText.resx in Korean, SandboxText.en.resx in English).</summary>
public sealed class SandboxText;
