using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Woohakdong.Core.Common;
using Woohakdong.Core.Enrollment;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Enrollment.TwoInstances;

/// <summary>What one instance issues or decides holds on the other.</summary>
[Collection(TwoInstancesCollection.Name)]
public sealed class ScaleOutTests(TwoInstances apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_bearer_token_issued_by_instance_A_is_accepted_by_instance_B()
    {
        var student = apps.Students[0];
        Assert.Same(apps.A, student.SignedInOn);

        var onB = await GetProfileAsync(apps.B, new AuthenticationHeaderValue("Bearer", student.Token));
        var forged = await GetProfileAsync(apps.B, new AuthenticationHeaderValue("Bearer", student.Token[..^8] + "AAAAAAAA"));

        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
        Assert.Equal(student.Email, (await onB.JsonAsync()).GetProperty("email").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Fact]
    public async Task A_sign_in_cookie_issued_by_instance_A_is_accepted_by_instance_B()
    {
        var student = apps.Students[2];
        var signIn = await apps.Clients[apps.A].PostAsJsonAsync(
            "/v1/auth/login?useCookies=true", new { email = student.Email, password = TwoInstances.Password }, Ct);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var cookies = signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();
        Assert.NotEmpty(cookies);

        // The cookie signs pages in (on /v1 only bearer tokens count): the profile page shows whose it is.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/me/profile");
        request.Headers.Add("Cookie", string.Join("; ", cookies));
        var onB = await apps.Clients[apps.B].SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
        Assert.Contains(student.Email, await onB.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_same_student_clicking_on_both_instances_at_once_gets_one_seat()
    {
        var club = await apps.OpenFreeClubAsync(seatLimit: 10, Ct);
        var student = apps.Students[3];
        var clicks = Enumerable.Range(0, 10).Select(i => i % 2 == 0
            ? new JoinAttempt(student, apps.A.Name, apps.Clients[apps.A])
            : new JoinAttempt(student, apps.B.Name, apps.Clients[apps.B]));

        var outcomes = await Crowd.RushAsync(clicks, club.GroupId, Ct);

        Assert.Single(outcomes, o => o.Admitted);
        Assert.All(outcomes.Where(o => !o.Admitted), o =>
            Assert.True(o.Status == HttpStatusCode.Conflict && o.Code == ErrorCodes.AlreadyMember, $"{o}\n{apps.RecentOutput}"));
        Assert.Equal((1, 1), await apps.SeatsInDatabaseAsync(club.GroupId, Ct));
    }

    [Fact]
    public async Task Production_refuses_to_start_without_a_seat_lock_and_names_the_setting()
    {
        var settings = apps.SharedSettings(poolSize: 2);
        settings[SeatOptions.LockKey] = "None";
        // Every other Production setting present, so the lock is the only thing refused (PortOne is never called at start).
        settings["PortOne:Mode"] = "Live";
        settings["PortOne:ImpKey"] = "imp_key_for_start_up_only";
        settings["PortOne:ImpSecret"] = "imp_secret_for_start_up_only";
        settings["PortOne:MerchantCode"] = "imp00000000";
        settings["PortOne:ChannelKey"] = "channel-key-for-start-up-only";
        settings["Storage:Provider"] = "S3";
        settings["Storage:S3:Bucket"] = "never-contacted-at-start-up";
        settings["Storage:S3:Region"] = "us-east-1";
        settings["Storage:S3:ServiceUrl"] = TestServices.S3ServiceUrl;

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => AppProcess.StartAsync("Production without lock", settings, "Production", Ct));

        Assert.Contains("exited", refusal.Message);
        Assert.Contains("Seats:Lock=None", refusal.Message);
    }

    private async Task<HttpResponseMessage> GetProfileAsync(AppProcess instance, AuthenticationHeaderValue authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/me/profile");
        request.Headers.Authorization = authorization;
        return await apps.Clients[instance].SendAsync(request, Ct);
    }
}
