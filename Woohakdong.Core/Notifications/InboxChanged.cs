namespace Woohakdong.Core.Notifications;

/// <summary>A user's inbox changed (a notification arrived or was read); carried on the <c>inbox</c> channel to every instance.</summary>
public sealed record InboxChanged(Guid UserId);
