using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Woohakdong.Core.Notifications.Email;

public sealed record LocalMail(string Id, string To, string Subject, string Text, string Html, DateTimeOffset SentAt);

/// <summary>
/// The embedded default's outbox: each mail "sent" is an .eml file in <see cref="MailOptions.PickupDirectory"/>, named
/// by a time-ordered id (newest sorts last) and written whole before it appears. A developer reads them at
/// <c>/dev/mail</c>; any mail program opens the files.
/// </summary>
public sealed partial class LocalMailbox(IOptions<MailOptions> options) : IMailTransport
{
    private readonly string folder = Path.GetFullPath(options.Value.PickupDirectory);

    public Task<IMailSession> OpenAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        return Task.FromResult<IMailSession>(new Session(folder));
    }

    /// <summary>Newest first, only those to <paramref name="to"/> when given (an address, case-insensitive).</summary>
    public async Task<IReadOnlyList<LocalMail>> ListAsync(string? to, int take, CancellationToken ct)
    {
        if (!Directory.Exists(folder)) return [];
        var mails = new List<LocalMail>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.eml").OrderDescending(StringComparer.Ordinal))
        {
            if (mails.Count == take) break;
            var mail = await ReadAsync(path, ct);
            if (to is null || mail.To.Contains(to, StringComparison.OrdinalIgnoreCase)) mails.Add(mail);
        }
        return mails;
    }

    /// <summary>Null for an unknown id, or one not of the shape this mailbox gives (never a path).</summary>
    public async Task<LocalMail?> FindAsync(string id, CancellationToken ct)
    {
        if (!MailId().IsMatch(id)) return null;
        var path = Path.Combine(folder, id + ".eml");
        return File.Exists(path) ? await ReadAsync(path, ct) : null;
    }

    private static async Task<LocalMail> ReadAsync(string path, CancellationToken ct)
    {
        var message = await MimeMessage.LoadAsync(path, ct);
        return new LocalMail(
            Path.GetFileNameWithoutExtension(path), string.Join(", ", message.To.Mailboxes.Select(m => m.Address)),
            message.Subject ?? "", message.TextBody ?? "", message.HtmlBody ?? "", message.Date);
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex MailId();

    private sealed class Session(string folder) : IMailSession
    {
        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            var id = Guid.CreateVersion7().ToString("N");
            var incoming = Path.Combine(folder, id + ".part");
            await message.WriteToAsync(incoming, ct);
            File.Move(incoming, Path.Combine(folder, id + ".eml"));
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
