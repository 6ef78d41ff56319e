using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
using Woohakdong.Core.Common;
using Woohakdong.Core.Storage;

namespace Woohakdong.Web.Components.Pages.Items;

/// <summary>
/// Picks images and uploads each one from the browser straight to storage through presigned URLs, one progress bar
/// per image, with retry and cancel. The page asks for the URLs (item images or a return photo) and calls
/// <see cref="UploadAsync"/> when it submits.
/// </summary>
public partial class ImageUploader(
    IJSRuntime js, NavigationManager navigation, IStringLocalizer<ItemText> text, IStringLocalizer<ErrorMessages> errorText)
    : IAsyncDisposable
{
    private readonly CancellationTokenSource leaving = new();
    private readonly Dictionary<int, Task> inFlight = [];
    private readonly string inputId = $"image-input-{Guid.NewGuid():N}";
    private readonly ImageUploadTexts texts = new(text);
    private ImageUploadList list = null!;
    private ImagePicker? picker;
    private DotNetObjectReference<ImageUploader>? receiver;
    private ElementReference input;
    private IReadOnlyList<string> refusals = [];
    /// <summary>Files picked before uploads.js listens to the input would be missed; browser tests wait for this.</summary>
    private bool bound;
    private string? requestError;

    [Parameter] public int MaxFiles { get; set; } = ImageUploadService.MaxImages;

    /// <summary>Presigned upload URLs for these content types, one each, in the same order.</summary>
    [Parameter, EditorRequired] public Func<IReadOnlyList<string>, Task<IReadOnlyList<UploadUrl>>> RequestUrls { get; set; } = null!;

    public int ImageCount => list.Images.Count;

    /// <summary>The picked file stored under <paramref name="key"/>, to say which one a refusal is about.</summary>
    public string? FileNameOf(string key) => list.Images.FirstOrDefault(image => image.Key == key)?.Name;

    private static string Accept => string.Join(',', ImageTypes.All);

    private ImagePicker Picker => picker ?? throw new InvalidOperationException("The uploader has not rendered yet.");

    protected override void OnInitialized() => list = new ImageUploadList(MaxFiles);

    protected override void OnParametersSet() => list.MaxFiles = MaxFiles;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        picker = new ImagePicker(js, new Uri(navigation.BaseUri));
        receiver = DotNetObjectReference.Create(this);
        await picker.BindAsync(input, receiver);
        bound = true;
        StateHasChanged();
    }

    /// <summary>
    /// Uploads every image not stored yet, each with a fresh URL, and waits for all uploads under way. Returns the keys
    /// in the user's order, or null when any image failed or was cancelled.
    /// </summary>
    public async Task<IReadOnlyList<string>?> UploadAsync()
    {
        Send(list.BeginUpload());
        await Task.WhenAll(inFlight.Values.ToList());
        return list.Keys;
    }

    [JSInvokable]
    public async Task OnPicked(PickedFile[] files)
    {
        var refused = list.Add(files);
        refusals = [.. refused.Select(r => texts.Refusal(r, MaxFiles))];
        StateHasChanged();
        if (refused.Count > 0) await Picker.DiscardAsync(refused.Select(r => r.File.Id));
    }

    [JSInvokable]
    public void OnProgress(int id, long loaded, long total)
    {
        if (list.Report(id, loaded, total)) StateHasChanged();
    }

    // Returns at once: the upload reports itself as it goes, and UploadAsync waits for it.
    private void Retry(PickedImage image) => Send(list.BeginUpload(image.Id));

    /// <summary>
    /// Asks one set of URLs for the batch and puts each image's whole upload, URL wait included, in
    /// <see cref="inFlight"/>, so that <see cref="UploadAsync"/> also waits for uploads it did not start.
    /// </summary>
    private void Send(IReadOnlyList<PickedImage> batch)
    {
        if (batch.Count == 0) return;
        requestError = null;
        StateHasChanged();
        var urls = RequestUrlsAsync(batch);
        for (var index = 0; index < batch.Count; index++) inFlight[batch[index].Id] = PutAsync(batch[index], urls, index);
    }

    /// <summary>Null when the service refused; the batch has then failed.</summary>
    private async Task<IReadOnlyList<UploadUrl>?> RequestUrlsAsync(IReadOnlyList<PickedImage> batch)
    {
        try
        {
            var urls = await RequestUrls([.. batch.Select(image => image.ContentType)]);
            if (urls.Count != batch.Count) throw new InvalidOperationException($"Asked for {batch.Count} upload URLs, got {urls.Count}.");
            return urls;
        }
        catch (AppException refusal)
        {
            list.FailWithoutUrl(batch);
            requestError = errorText[refusal.Code];
            StateHasChanged();
            return null;
        }
    }

    private async Task PutAsync(PickedImage image, Task<IReadOnlyList<UploadUrl>?> urls, int index)
    {
        var attempt = image.Attempt;
        // An image cancelled (or retried) while its URL was on the way is not sent for this attempt.
        if (await urls is not { } issued || image.State != ImageUploadState.Uploading || image.Attempt != attempt) return;
        var url = issued[index];
        UploadOutcome outcome;
        try
        {
            outcome = await Picker.UploadAsync(image.Id, url, leaving.Token);
        }
        catch (Exception gone) when (gone is OperationCanceledException or JSDisconnectedException)
        {
            return;
        }
        list.Finish(image.Id, attempt, outcome, url.Key);
        StateHasChanged();
    }

    private async Task CancelAsync(int id)
    {
        if (list.Cancel(id)) await Picker.AbortAsync(id);
    }

    private async Task CancelAllAsync()
    {
        foreach (var image in list.Images.Where(image => image.State == ImageUploadState.Uploading).ToList())
            await CancelAsync(image.Id);
    }

    private async Task RemoveAsync(int id)
    {
        if (!list.Remove(id)) return;
        inFlight.Remove(id);
        await Picker.DiscardAsync([id]);
    }

    public async ValueTask DisposeAsync()
    {
        await leaving.CancelAsync();
        leaving.Dispose();
        if (picker is not null) await picker.DisposeAsync();
        receiver?.Dispose();
    }
}
