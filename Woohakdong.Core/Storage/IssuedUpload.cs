namespace Woohakdong.Core.Storage;

/// <summary>
/// An upload URL handed out: only its owner may later attach the object to something of this club, and only
/// with the content type it was issued for.
/// </summary>
public sealed class IssuedUpload
{
    public long Id { get; set; }
    public required string Key { get; set; }
    public long ClubId { get; set; }
    public Guid UserId { get; set; }
    public required string ContentType { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
