using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Woohakdong.Tests.Enrollment;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Web.Hosting;

namespace Woohakdong.Tests.Accounts;

/// <summary>The app with its clock in the test's hands, to let bearer tokens expire.</summary>
public sealed class ClockedApp : IAsyncLifetime
{
    public AppFactory App { get; } = new();
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public ValueTask InitializeAsync()
    {
        App.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        return App.InitializeAsync();
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}

/// <summary>Bearer tokens are read through <see cref="RememberedBearerTickets"/>; remembering one must change no answer.</summary>
public sealed class BearerTokenTests(ClockedApp clocked) : IClassFixture<ClockedApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void The_bearer_scheme_reads_tokens_through_the_remembered_tickets()
    {
        var bearer = clocked.App.Services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme);

        Assert.IsType<RememberedBearerTickets>(bearer.BearerTokenProtector);
    }

    [Fact]
    public async Task A_remembered_token_still_stops_working_when_it_expires()
    {
        var student = await ApiStudents.SignUpAsync(clocked.App);
        var first = await student.GetAsync("/v1/me/profile", Ct);
        var again = await student.GetAsync("/v1/me/profile", Ct);

        clocked.Clock.Advance(new BearerTokenOptions().BearerTokenExpiration + TimeSpan.FromSeconds(1));
        var expired = await student.GetAsync("/v1/me/profile", Ct);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }

    [Fact]
    public async Task A_tampered_token_is_refused_even_next_to_its_remembered_original()
    {
        var student = await ApiStudents.SignUpAsync(clocked.App);
        var token = student.DefaultRequestHeaders.Authorization!.Parameter!;
        var tampered = clocked.App.CreateClient();
        tampered.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token[..^4] + (token[^4] == 'A' ? 'B' : 'A') + token[^3..]);

        var original = await student.GetAsync("/v1/me/profile", Ct);
        var forged = await tampered.GetAsync("/v1/me/profile", Ct);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Unauthorized), (original.StatusCode, forged.StatusCode));
    }

    [Fact]
    public async Task A_token_issued_before_a_password_change_stops_working_within_the_minute()
    {
        var student = (await clocked.App.SignUpAsync()).Client;
        var before = await student.GetAsync("/v1/me/profile", Ct);

        var changed = await student.PostAsJsonAsync("/v1/auth/manage/info",
            new { oldPassword = ApiAccounts.Password, newPassword = "a-new-password1" }, Ct);
        clocked.Clock.Advance(BearerSecurityStamps.CheckInterval);
        var after = await student.GetAsync("/v1/me/profile", Ct);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (before.StatusCode, changed.StatusCode));
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task A_token_is_checked_against_the_stamp_at_most_once_a_minute_and_stays_valid_while_the_stamp_does()
    {
        var student = await ApiStudents.SignUpAsync(clocked.App);

        var first = await student.GetAsync("/v1/me/profile", Ct);
        clocked.Clock.Advance(BearerSecurityStamps.CheckInterval);
        var afterAMinute = await student.GetAsync("/v1/me/profile", Ct);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, afterAMinute.StatusCode));
    }

    [Fact]
    public async Task First_seen_tokens_arriving_together_each_get_their_own_users_verdict()
    {
        var students = new List<HttpClient>();
        for (var i = 0; i < 12; i++) students.Add((await clocked.App.SignUpAsync()).Client);
        var changed = await students[5].PostAsJsonAsync("/v1/auth/manage/info",
            new { oldPassword = ApiAccounts.Password, newPassword = "a-new-password1" }, Ct);
        // The changing token's verdict was remembered at the change; a minute on, every token is read again.
        clocked.Clock.Advance(BearerSecurityStamps.CheckInterval);

        var answers = await Task.WhenAll(students.Select(student => student.GetAsync("/v1/me/profile", Ct)));

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => i == 5 ? HttpStatusCode.Unauthorized : HttpStatusCode.OK), answers.Select(a => a.StatusCode));
        Assert.Null(await clocked.App.Services.GetRequiredService<SecurityStampReader>().StampOfAsync(Guid.NewGuid()));
    }
}
