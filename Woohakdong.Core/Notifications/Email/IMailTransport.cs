using MimeKit;

namespace Woohakdong.Core.Notifications.Email;

/// <summary>Where mail goes: an SMTP server (<see cref="SmtpMailTransport"/>) or the local outbox (<see cref="LocalMailbox"/>).</summary>
public interface IMailTransport
{
    /// <summary>A session for one batch of mail (one SMTP connection); throws <see cref="MailDeliveryException"/> when it cannot open.</summary>
    Task<IMailSession> OpenAsync(CancellationToken ct);
}

public interface IMailSession : IAsyncDisposable
{
    /// <summary>Throws <see cref="MailDeliveryException"/> when the message was not accepted.</summary>
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>A mail that was not accepted. <see cref="Permanent"/>: trying again cannot help (the server refused the recipient).</summary>
public sealed class MailDeliveryException(string message, bool permanent, Exception? inner = null) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
}
