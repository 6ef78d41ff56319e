namespace Woohakdong.Web.Components.Pages.Notifications;

/// <summary>Marker for the inbox, bell and settings texts (NotificationPageText.resx in Korean, .en.resx in English).</summary>
public sealed class NotificationPageText;
