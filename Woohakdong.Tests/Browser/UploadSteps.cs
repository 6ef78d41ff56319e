using Microsoft.Playwright;

namespace Woohakdong.Tests.Browser;

/// <summary>The image uploader's steps in chromium, for every page that has one (items, returns, notices).</summary>
public static class UploadSteps
{
    /// <summary>Picks files once uploads.js listens to the uploader's input.</summary>
    public static async Task PickAsync(ILocator uploader, string[] files)
    {
        await Assertions.Expect(uploader).ToHaveAttributeAsync("data-ready", "true");
        await uploader.Locator("[data-testid='image-input']").SetInputFilesAsync(files);
    }

    /// <summary>The image is on screen and its bytes arrived and decoded.</summary>
    public static async Task AssertImageShownAsync(ILocator image)
    {
        await Assertions.Expect(image).ToBeVisibleAsync();
        await Assertions.Expect(image).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await image.EvaluateAsync<int>("img => img.naturalWidth") > 0);
    }
}
