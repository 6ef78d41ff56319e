using Woohakdong.Core.Storage;

namespace Woohakdong.Web.Components.Pages.Items;

public enum PickRefusal
{
    WrongType,
    TooLarge,
    TooMany,
}

public sealed record RefusedFile(PickedFile File, PickRefusal Reason);

/// <summary>
/// The images a user picked, in their order, and where each upload stands: which are refused before any upload,
/// which still need a (fresh) URL, and the keys once every image is stored. Knows nothing of the browser.
/// </summary>
public sealed class ImageUploadList(int maxFiles)
{
    private readonly List<PickedImage> images = [];

    public IReadOnlyList<PickedImage> Images => images;

    /// <summary>Can change while images are picked (an edit page frees a slot when an existing image is removed).</summary>
    public int MaxFiles { get; set; } = maxFiles;

    public bool IsFull => images.Count >= MaxFiles;

    public bool IsUploading => images.Any(image => image.State == ImageUploadState.Uploading);

    /// <summary>Keeps the files that are allowed images within the limits; returns the others with the reason.</summary>
    public IReadOnlyList<RefusedFile> Add(IEnumerable<PickedFile> files)
    {
        var refused = new List<RefusedFile>();
        foreach (var file in files)
        {
            PickRefusal? reason = !ImageTypes.IsAllowed(file.Type) ? PickRefusal.WrongType
                : file.Size > ImageTypes.MaxBytes ? PickRefusal.TooLarge
                : IsFull ? PickRefusal.TooMany
                : null;
            if (reason is { } why) refused.Add(new RefusedFile(file, why));
            else images.Add(new PickedImage(file));
        }
        return refused;
    }

    public PickedImage? Find(int id) => images.Find(image => image.Id == id);

    /// <summary>An image being uploaded stays until its upload is cancelled.</summary>
    public bool Remove(int id) => images.RemoveAll(image => image.Id == id && image.State != ImageUploadState.Uploading) > 0;

    /// <summary>
    /// Marks every image not yet stored (or just <paramref name="only"/>) as uploading and returns them: each needs a
    /// fresh URL, since an earlier one may have expired.
    /// </summary>
    public IReadOnlyList<PickedImage> BeginUpload(int? only = null)
    {
        var batch = images.Where(image => image.NeedsUpload && (only is null || image.Id == only)).ToList();
        batch.ForEach(image => image.Begin());
        return batch;
    }

    public bool Report(int id, long loaded, long total) => Find(id)?.Report(loaded, total) ?? false;

    /// <summary>Records how attempt <paramref name="attempt"/> ended; a later attempt or a cancel has the last word.</summary>
    public void Finish(int id, int attempt, UploadOutcome outcome, string key) => Find(id)?.Finish(attempt, outcome, key);

    /// <summary>No URL could be had for these images.</summary>
    public void FailWithoutUrl(IEnumerable<PickedImage> batch)
    {
        foreach (var image in batch.Where(image => image.State == ImageUploadState.Uploading)) image.Fail(null);
    }

    /// <summary>True when the image was uploading; the browser must still be told to abort it.</summary>
    public bool Cancel(int id) => Find(id)?.Cancel() ?? false;

    /// <summary>The stored keys in the user's order, or null while any image is not stored.</summary>
    public IReadOnlyList<string>? Keys =>
        images.All(image => image.State == ImageUploadState.Done) ? [.. images.Select(image => image.Key!)] : null;
}
