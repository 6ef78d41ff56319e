using System.Text.Json.Serialization;
using Woohakdong.Core.Data;

namespace Woohakdong.Core.Notices;

/// <summary>Who reads a notice: the club's members of the current term, or everyone on the club page.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NoticeAudience>))]
public enum NoticeAudience
{
    [JsonStringEnumMemberName("MEMBERS")] Members = 0,
    [JsonStringEnumMemberName("PUBLIC")] Public = 1,
}

/// <summary>
/// A club's notice (공지): Markdown as the officer wrote it; its HTML is rendered and sanitized when read, so image links
/// are always fresh. An edit keeps the earlier title and body as a <see cref="NoticeRevision"/>.
/// </summary>
public sealed class Notice : IAuditable
{
    public long Id { get; set; }
    public long ClubId { get; set; }
    public Guid AuthorId { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public NoticeAudience Audience { get; set; }
    public bool Pinned { get; set; }
    /// <summary>When the title or body last changed (pinning is not an edit); null while never edited.</summary>
    public DateTimeOffset? EditedAt { get; set; }
    public List<NoticeImage> Images { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid? UpdatedBy { get; set; }
}

/// <summary>A notice's title and body as they were before one edit, with who replaced them and when.</summary>
public sealed class NoticeRevision
{
    public long Id { get; set; }
    public long NoticeId { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    /// <summary>When this text was replaced.</summary>
    public DateTimeOffset ReplacedAt { get; set; }
    public Guid ReplacedBy { get; set; }
}

/// <summary>That a user has read a notice: one row per (notice, user), written insert-or-ignore.</summary>
public sealed class NoticeRead
{
    public long NoticeId { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset ReadAt { get; set; }
}

/// <summary>A verified image a notice's body shows; keeps its upload row from the orphan sweep.</summary>
public sealed class NoticeImage
{
    public long Id { get; set; }
    public long NoticeId { get; set; }
    public string Key { get; set; } = "";
}
