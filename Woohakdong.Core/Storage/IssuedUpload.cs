namespace Woohakdong.Core.Storage;

/// <summary>
/// An upload URL handed out: only its owner may later attach the object to something of this club, and only
/// with the content type it was issued for. The URL writes <see cref="UploadKey"/>; once verified, the bytes live
/// under <see cref="Key"/>, a key no URL is ever issued for, so what was checked is what is served from then on.
/// </summary>
public sealed class IssuedUpload
{
    public long Id { get; set; }

    /// <summary>Where the verified copy lives, and what item images and return photos point to.</summary>
    public required string Key { get; set; }

    /// <summary>Where the presigned URL writes; deleted once the copy under <see cref="Key"/> is verified.</summary>
    public required string UploadKey { get; set; }

    public long ClubId { get; set; }
    public Guid UserId { get; set; }
    public required string ContentType { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When the copy under <see cref="Key"/> passed the checks; null while the upload is not verified.</summary>
    public DateTimeOffset? VerifiedAt { get; set; }

    /// <summary>The loan whose return photo this upload was issued for; null for item images.</summary>
    public long? LoanId { get; set; }
}
