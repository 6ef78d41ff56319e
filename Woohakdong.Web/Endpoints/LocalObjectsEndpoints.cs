using Woohakdong.Core.Common;
using Woohakdong.Core.Storage;
using Woohakdong.Web.Hosting;

namespace Woohakdong.Web.Endpoints;

/// <summary>
/// The LocalDisk store's own door, answering like a presigned S3 bucket: a PUT or GET needs a URL signed by
/// <see cref="LocalObjectSigner"/> for exactly that method, key, content type and size limit, before it expires.
/// The query is read once by <see cref="SignedObjectRequest.Parse"/>; every refusal is a problem answer.
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
        HttpRequest request, LocalDiskObjectStorage store, LocalObjectSigner signer, Problems problems, CancellationToken ct)
    {
        var contentType = request.ContentType ?? "";
        if (Refusal(request, signer, contentType, problems, out var signed) is { } refused) return refused;
        if (request.ContentLength > signed.MaxBytes) return problems.For(StatusCodes.Status413PayloadTooLarge, ErrorCodes.ImageTooLarge);

        var result = await store.WriteAsync(signed.Key, contentType, request.Body, signed.MaxBytes, ct);
        return result == LocalWriteResult.Stored ? Results.Ok() : problems.For(StatusCodes.Status413PayloadTooLarge, ErrorCodes.ImageTooLarge);
    }

    private static async Task<IResult> Get(
        HttpRequest request, HttpResponse response, LocalDiskObjectStorage store, LocalObjectSigner signer, Problems problems, CancellationToken ct)
    {
        if (Refusal(request, signer, "", problems, out var signed) is { } refused) return refused;
        if (await store.OpenAsync(signed.Key, ct) is not { } stored) return problems.For(StatusCodes.Status404NotFound, ErrorCodes.ObjectNotFound);
        response.Headers.XContentTypeOptions = ImageResponse.NoSniff;
        response.Headers.ContentDisposition = ImageResponse.Disposition;
        response.Headers.CacheControl = ImageResponse.CacheControl(signer.LifeLeft(signed));
        return Results.Stream(stored.Content, stored.ContentType);
    }

    /// <summary>400 when the request is no signed URL at all, 403 when its signature does not hold; null when it does.</summary>
    private static IResult? Refusal(
        HttpRequest request, LocalObjectSigner signer, string contentType, Problems problems, out SignedObjectRequest signed)
    {
        signed = SignedObjectRequest.Parse(request)!;
        if (signed is null) return problems.For(StatusCodes.Status400BadRequest, ErrorCodes.ObjectUrlMalformed);
        return signer.IsValid(signed, contentType) ? null : problems.For(StatusCodes.Status403Forbidden, ErrorCodes.ObjectSignatureInvalid);
    }
}
