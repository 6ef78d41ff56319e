using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Browser;

/// <summary>
/// The demo app for a browser journey with images: the embedded default's LocalDisk store in a folder of its own (where
/// the test also writes the files it picks), removed with the app.
/// </summary>
public sealed class LocalDiskDemo : IAsyncDisposable
{
    public LocalDiskDemo(string name)
    {
        Folder = Path.Combine(Path.GetTempPath(), $"woohakdong-{name}-browser-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Folder);
        App.Settings["Storage:Provider"] = "LocalDisk";
        App.Settings["Storage:LocalDisk:Root"] = ObjectsFolder;
    }

    public DemoAppFactory App { get; } = new();
    public string Folder { get; }
    public string ObjectsFolder => Path.Combine(Folder, "objects");

    public Uri Start() => App.StartOnRealPort();

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }
}
