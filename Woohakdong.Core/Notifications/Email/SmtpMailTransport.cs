using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Woohakdong.Core.Notifications.Email;

/// <summary>Sends through <c>Email:Smtp</c> with MailKit: one connection per batch, authenticated when a user name is set.</summary>
public sealed class SmtpMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public async Task<IMailSession> OpenAsync(CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        try
        {
            var security = !smtp.UseTls ? SecureSocketOptions.None
                : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect
                : SecureSocketOptions.StartTls;
            await client.ConnectAsync(smtp.Host ?? "", smtp.Port, security, ct);
            if (!string.IsNullOrEmpty(smtp.UserName)) await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
            return new Session(client);
        }
        catch (Exception error) when (IsDeliveryFailure(error))
        {
            client.Dispose();
            throw new MailDeliveryException($"SMTP server {smtp.Host}:{smtp.Port} unavailable: {error.Message}", permanent: false, error);
        }
    }

    private static bool IsDeliveryFailure(Exception error) =>
        error is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or AuthenticationException
            or SocketException or IOException or SslHandshakeException or TimeoutException;

    private sealed class Session(SmtpClient client) : IMailSession
    {
        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            try
            {
                await client.SendAsync(message, ct);
            }
            catch (SmtpCommandException refused)
            {
                // 5xx: the server refused this mail or recipient for good; 4xx: try later.
                var permanent = (int)refused.StatusCode >= 500;
                throw new MailDeliveryException($"SMTP refused ({(int)refused.StatusCode} {refused.ErrorCode}): {refused.Message}", permanent, refused);
            }
            catch (Exception error) when (IsDeliveryFailure(error))
            {
                throw new MailDeliveryException($"SMTP failed: {error.Message}", permanent: false, error);
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected) await client.DisconnectAsync(quit: true);
            }
            catch (Exception error) when (IsDeliveryFailure(error))
            {
                // The mail already went; a connection lost at QUIT changes nothing.
            }
            client.Dispose();
        }
    }
}
