namespace Woohakdong.Core.Notifications;

/// <summary>
/// Marker type for <c>IStringLocalizer&lt;NotificationText&gt;</c>: each kind's <c>{Kind}.Title</c> and <c>{Kind}.Body</c>
/// (with <c>{parameter}</c> placeholders), its settings label <c>Kind.{Kind}</c>, role names and the e-mail frame.
/// </summary>
public sealed class NotificationText;
