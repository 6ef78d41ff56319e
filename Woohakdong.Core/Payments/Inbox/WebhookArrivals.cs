using Woohakdong.Core.Common;

namespace Woohakdong.Core.Payments.Inbox;

/// <summary>Wakes this instance's <see cref="WebhookNoticeWorker"/> as soon as a webhook was recorded here.</summary>
public sealed class WebhookArrivals : WakeSignal;
