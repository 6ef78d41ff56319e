using System.Globalization;
using System.Text.Json.Serialization;

namespace Woohakdong.Web.Components.Pages.Items;

/// <summary>What the browser tells about a picked file; the file itself stays in the browser.</summary>
public sealed record PickedFile(int Id, string Name, long Size, string Type, string PreviewUrl);

public enum ImageUploadState
{
    Waiting,
    Uploading,
    Done,
    Failed,
    Cancelled,
}

[JsonConverter(typeof(JsonStringEnumConverter<UploadResult>))]
public enum UploadResult
{
    Stored,
    Failed,
    Cancelled,
}

/// <summary>How one PUT ended; <see cref="Status"/> is the store's HTTP status, 0 when none came back.</summary>
public sealed record UploadOutcome(UploadResult Result, int Status);

/// <summary>One picked image and where its upload stands.</summary>
public sealed class PickedImage(PickedFile file)
{
    public int Id => file.Id;
    public string Name => file.Name;
    public long Size => file.Size;
    public string ContentType => file.Type;
    public string PreviewUrl => file.PreviewUrl;

    public ImageUploadState State { get; private set; } = ImageUploadState.Waiting;
    public int Percent { get; private set; }
    /// <summary>The store's HTTP status of the last failed attempt, 0 for a network error.</summary>
    public int? FailureStatus { get; private set; }
    /// <summary>Where the image was stored, once <see cref="ImageUploadState.Done"/>.</summary>
    public string? Key { get; private set; }
    /// <summary>Counts attempts, so that the late outcome of an abandoned attempt changes nothing.</summary>
    public int Attempt { get; private set; }

    public bool NeedsUpload => State is ImageUploadState.Waiting or ImageUploadState.Failed or ImageUploadState.Cancelled;

    public string SizeText => Size switch
    {
        >= 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{Size / (1024d * 1024):0.#} MB"),
        >= 1024 => string.Create(CultureInfo.InvariantCulture, $"{Size / 1024d:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Size} B"),
    };

    internal void Begin()
    {
        State = ImageUploadState.Uploading;
        Attempt++;
        (Percent, FailureStatus, Key) = (0, null, null);
    }

    /// <summary>True when the shown percentage changed.</summary>
    internal bool Report(long loaded, long total)
    {
        if (State != ImageUploadState.Uploading || total <= 0) return false;
        var percent = (int)Math.Clamp(loaded * 100 / total, 0, 100);
        if (percent == Percent) return false;
        Percent = percent;
        return true;
    }

    internal void Finish(int attempt, UploadOutcome outcome, string key)
    {
        if (attempt != Attempt || State != ImageUploadState.Uploading) return;
        switch (outcome.Result)
        {
            case UploadResult.Stored:
                (State, Percent, Key) = (ImageUploadState.Done, 100, key);
                break;
            case UploadResult.Failed:
                Fail(outcome.Status);
                break;
            default:
                State = ImageUploadState.Cancelled;
                break;
        }
    }

    internal void Fail(int? status) => (State, FailureStatus) = (ImageUploadState.Failed, status);

    internal bool Cancel()
    {
        if (State != ImageUploadState.Uploading) return false;
        State = ImageUploadState.Cancelled;
        return true;
    }
}
