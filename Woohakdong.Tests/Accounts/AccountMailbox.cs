using System.Text.RegularExpressions;
using Woohakdong.Core.Data;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Accounts;

/// <summary>The app sending its mail to the shared SMTP server (maildev), on a fresh SQLite database.</summary>
public sealed class MailingAppFactory : AppFactoryBase
{
    public MailingAppFactory() : base(DatabaseProvider.Sqlite, seedDemo: false) => UseMailServer(MailServer.Shared.Smtp);
}

/// <summary>Reads account mails as a student does: waits for the mail, then takes the one link in it.</summary>
public static partial class AccountMailbox
{
    /// <summary>The path and query of the link to <paramref name="path"/> in the <paramref name="nth"/> mail (1-based) to the address.</summary>
    public static async Task<string> LinkAsync(string address, string path, int nth = 1)
    {
        var mail = (await MailServer.Shared.WaitForAsync(address, nth))[nth - 1];
        return LinkIn(mail, path);
    }

    public static string LinkIn(ReceivedMail mail, string path)
    {
        var link = Links().Matches(mail.Text ?? "").Select(m => new Uri(m.Value)).Single(uri => uri.AbsolutePath == path);
        return link.PathAndQuery;
    }

    /// <summary>A query parameter of a link, decoded.</summary>
    public static string Query(string link, string name) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(new Uri("http://x"), link).Query)[name].ToString();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Links();
}
