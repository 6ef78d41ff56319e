namespace Woohakdong.Core.Notices;

/// <summary>
/// A notice as its reader sees it: <see cref="Html"/> is sanitized, with fresh image links. <see cref="ReadCount"/> and
/// <see cref="MemberCount"/> (this term's members; "읽음 12/30") are for officers only, null for everyone else.
/// </summary>
public sealed record NoticeView(
    long NoticeId, long ClubId, string Title, string Body, string Html, NoticeAudience Audience, bool Pinned,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? EditedAt, string AuthorName,
    bool ReadByMe, int? ReadCount, int? MemberCount);

/// <summary>An earlier version of a notice, for officers: what it said until <see cref="ReplacedAt"/>.</summary>
public sealed record NoticeRevisionView(string Title, string Body, string Html, DateTimeOffset ReplacedAt, string ReplacedByName);
