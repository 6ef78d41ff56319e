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
        if (SignedObjectRequest.Parse(request) is not { } signed) return Malformed(problems);
        if (!signer.IsValid(signed, contentType)) return SignatureRefused(problems);
        if (request.ContentLength > signed.MaxBytes) return problems.For(StatusCodes.Status413PayloadTooLarge, ErrorCodes.ImageTooLarge);

        var result = await store.WriteAsync(signed.Key, contentType, request.Body, signed.MaxBytes, ct);
        return result == LocalWriteResult.Stored ? Results.Ok() : problems.For(StatusCodes.Status413PayloadTooLarge, ErrorCodes.ImageTooLarge);
    }

    private static async Task<IResult> Get(
        HttpRequest request, HttpResponse response, LocalDiskObjectStorage store, LocalObjectSigner signer, Problems problems, CancellationToken ct)
    {
        if (SignedObjectRequest.Parse(request) is not { } signed) return Malformed(problems);
        if (!signer.IsValid(signed, "")) return SignatureRefused(problems);
        if (await store.OpenAsync(signed.Key, ct) is not { } stored) return problems.For(StatusCodes.Status404NotFound, ErrorCodes.ObjectNotFound);
        response.Headers.XContentTypeOptions = ImageResponse.NoSniff;
        response.Headers.ContentDisposition = ImageResponse.Disposition;
        response.Headers.CacheControl = ImageResponse.CacheControl(signer.LifeLeft(signed));
        return Results.Stream(stored.Content, stored.ContentType);
    }

    private static IResult Malformed(Problems problems) => problems.For(StatusCodes.Status400BadRequest, ErrorCodes.ObjectUrlMalformed);

    /// <summary>A signed URL whose signature does not hold for this request, or that expired.</summary>
    private static IResult SignatureRefused(Problems problems) => problems.For(StatusCodes.Status403Forbidden, ErrorCodes.ObjectSignatureInvalid);
}
