using Woohakdong.Core.Storage;

namespace Woohakdong.Web.Endpoints;

/// <summary>
/// The LocalDisk store's own door, answering like a presigned S3 bucket: a PUT or GET needs a URL signed by
/// <see cref="LocalObjectSigner"/> for exactly that method, key, content type and size limit, before it expires.
/// Refusals carry S3's error names as plain text.
/// </summary>
public static class LocalObjectsEndpoints
{
    public static void MapLocalObjects(this WebApplication app)
    {
        if (app.Services.GetService<LocalDiskObjectStorage>() is null) return;
        var objects = app.MapGroup("/objects").WithTags("Objects").ExcludeFromDescription();
        objects.MapPut("/{**key}", Put);
        objects.MapGet("/{**key}", Get);
    }

    private static async Task<IResult> Put(
        string key, long? expires, long? max, string? sig, HttpRequest request, LocalDiskObjectStorage store, LocalObjectSigner signer,
        CancellationToken ct)
    {
        var contentType = request.ContentType ?? "";
        if (expires is not { } expiry || max is not { } maxBytes || !LocalDiskObjectStorage.IsValidKey(key)
            || !signer.IsValid(HttpMethods.Put, key, contentType, maxBytes, expiry, sig))
            return Refused(StatusCodes.Status403Forbidden, "SignatureDoesNotMatch");
        if (request.ContentLength > maxBytes) return Refused(StatusCodes.Status413PayloadTooLarge, "EntityTooLarge");

        var result = await store.WriteAsync(key, contentType, request.Body, maxBytes, ct);
        return result == LocalWriteResult.Stored ? Results.Ok() : Refused(StatusCodes.Status413PayloadTooLarge, "EntityTooLarge");
    }

    private static async Task<IResult> Get(string key, long? expires, string? sig, LocalDiskObjectStorage store, LocalObjectSigner signer, CancellationToken ct)
    {
        if (expires is not { } expiry || !LocalDiskObjectStorage.IsValidKey(key) || !signer.IsValid(HttpMethods.Get, key, "", 0, expiry, sig))
            return Refused(StatusCodes.Status403Forbidden, "SignatureDoesNotMatch");
        return await store.OpenAsync(key, ct) is { } stored
            ? Results.Stream(stored.Content, stored.ContentType)
            : Refused(StatusCodes.Status404NotFound, "NoSuchKey");
    }

    // A body keeps the status-code pages from replacing the answer with the HTML not-found page.
    private static IResult Refused(int status, string code) => Results.Text(code, "text/plain", statusCode: status);
}
