namespace Woohakdong.Web.Components.Pages.Notices;

/// <summary>Marker for the notice (공지) texts (NoticeText.resx in Korean, NoticeText.en.resx in English).</summary>
public sealed class NoticeText;
