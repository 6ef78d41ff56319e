using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Notifications;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Notifications.Email;

/// <summary>The embedded default's local outbox, read at /dev/mail in Development and nowhere else.</summary>
public sealed class DevMailTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Listed(string Id, string To, string Subject, string Text, string Html, DateTimeOffset SentAt);

    [Fact]
    public async Task In_Development_the_outbox_lists_mail_newest_first_filters_by_address_and_shows_one()
    {
        await using var app = new DevelopmentAppFactory();
        app.StartOnRealPort();
        var first = await MailFixture.AddUserAsync(app.Services, "김회원");
        var second = await MailFixture.AddUserAsync(app.Services, "이회원");
        await MailFixture.RecordAsync(app.Services, NotificationDraft.RoleChanged(first.Id, "우학동 사진부", "photo", ClubRole.Officer));
        var client = app.CreateClient();
        await Eventually.TrueAsync(async () => (await client.GetFromJsonAsync<List<Listed>>("/dev/mail", Ct))!.Count == 1, "first mail", Ct);
        await MailFixture.RecordAsync(app.Services, NotificationDraft.PresidencyHanded(second.Id, "우학동 사진부", "photo", "김회원"));
        await Eventually.TrueAsync(async () => (await client.GetFromJsonAsync<List<Listed>>("/dev/mail", Ct))!.Count == 2, "second mail", Ct);

        var all = (await client.GetFromJsonAsync<List<Listed>>("/dev/mail", Ct))!;
        Assert.Equal([second.Email, first.Email], all.Select(m => m.To));
        Assert.Equal("우학동 사진부 역할 변경", all[1].Subject);
        var filtered = (await client.GetFromJsonAsync<List<Listed>>($"/dev/mail?to={Uri.EscapeDataString(first.Email!.ToUpperInvariant())}", Ct))!;
        Assert.Equal(first.Email, Assert.Single(filtered).To);

        var shown = await client.GetAsync($"/dev/mail/{all[1].Id}", Ct);
        Assert.Equal("text/html", shown.Content.Headers.ContentType?.MediaType);
        Assert.Contains("우학동 사진부 역할 변경", await shown.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/dev/mail/..%2F..%2Fappsettings", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/dev/mail/{new string('0', 32)}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Outside_Development_there_is_no_outbox_to_read()
    {
        await using var app = new AppFactory();
        var answer = await app.CreateClient().GetAsync("/dev/mail", Ct);
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
    }

    private sealed class DevelopmentAppFactory : AppFactoryBase
    {
        public DevelopmentAppFactory() : base(Core.Data.DatabaseProvider.Sqlite, seedDemo: false) { }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
        }
    }
}
