using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Woohakdong.Tests.Infrastructure;

/// <summary>A mail as the SMTP server (maildev) received it.</summary>
public sealed record ReceivedMail(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("html")] string? Html,
    [property: JsonPropertyName("to")] IReadOnlyList<ReceivedMail.Address> To,
    [property: JsonPropertyName("headers")] IReadOnlyDictionary<string, JsonElement> Headers)
{
    public string? MessageId => Headers.TryGetValue("message-id", out var id) ? id.ToString() : null;

    public sealed record Address([property: JsonPropertyName("address")] string Email, [property: JsonPropertyName("name")] string? Name);
}

/// <summary>
/// Reads what arrived at a maildev SMTP server through its REST API (<c>GET /api/email</c>). Tests share the server,
/// so each reads only the mail to its own addresses.
/// </summary>
public sealed class MailServer(string smtp, string api)
{
    private static readonly HttpClient Http = new();

    /// <summary>The server test.sh started.</summary>
    public static MailServer Shared { get; } = new(TestServices.Smtp, TestServices.MailApi);

    /// <summary>host:port for <see cref="AppFactoryBase.UseMailServer"/>.</summary>
    public string Smtp => smtp;

    public async Task<IReadOnlyList<ReceivedMail>> AllAsync() =>
        await Http.GetFromJsonAsync<List<ReceivedMail>>(new Uri(new Uri(api), "/api/email")) ?? [];

    public async Task<IReadOnlyList<ReceivedMail>> ToAsync(string address) =>
        [.. (await AllAsync()).Where(mail => mail.To.Any(to => string.Equals(to.Email, address, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>Waits until <paramref name="count"/> mails to <paramref name="address"/> arrived, and returns them.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForAsync(string address, int count = 1)
    {
        IReadOnlyList<ReceivedMail> mails = [];
        await Eventually.TrueAsync(async () => (mails = await ToAsync(address)).Count >= count, $"{count} mails to {address}", CancellationToken.None);
        return mails;
    }
}
