namespace Woohakdong.Web.Components.Pages.Notices;

/// <summary>Where a club's notices live for members; Core's <c>NotificationDraft.NoticePosted</c> links to <see cref="Notice"/>.</summary>
public static class NoticePaths
{
    public static string List(string englishName) => $"/clubs/{englishName}/notices";

    public static string Notice(string englishName, long noticeId) => $"{List(englishName)}/{noticeId}";
}
