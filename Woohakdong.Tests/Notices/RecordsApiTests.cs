using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Woohakdong.Core.Common;
using Woohakdong.Core.Payments;
using Woohakdong.Tests.Api;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Tests.Notifications;

namespace Woohakdong.Tests.Notices;

/// <summary>What the roster, payments and notice endpoints answer, and their stable codes for bad input.</summary>
public sealed class RecordsApiTests(CastApp app) : IClassFixture<CastApp>, IAsyncLifetime
{
    private ApiCast cast = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => cast = await app.CastAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private HttpClient President => cast[Caller.President];
    private string Club => $"/v1/clubs/{cast.ClubId}";

    [Fact]
    public async Task The_roster_filters_by_role_and_name_and_says_who_paid()
    {
        var paying = await app.SignUpAsync();
        var payer = await app.Services.UserIdAsync(paying.Email);
        await app.AddOrderAsync(cast.ClubId, payer, OrderStatus.Completed);
        await app.GrantRoleAsync(paying, cast.ClubId, Core.Membership.ClubRole.Member);
        await using (var db = await app.DbAsync())
        {
            var membership = db.Memberships.Single(m => m.ClubId == cast.ClubId && m.UserId == payer);
            membership.JoinGroupId = db.JoinOrders.Single(o => o.UserId == payer).PoolId;
            await db.SaveChangesAsync(Ct);
        }

        var officers = await cast[Caller.Officer].GetFromJsonAsync<JsonElement[]>($"{Club}/members?role=SECRETARY", Ct);
        var all = await cast[Caller.Officer].GetFromJsonAsync<JsonElement[]>($"{Club}/members", Ct);
        var found = await cast[Caller.Officer].GetFromJsonAsync<JsonElement[]>($"{Club}/members?query={Uri.EscapeDataString(paying.Email[..12])}", Ct);

        var secretary = Assert.Single(officers!);
        Assert.Equal(("SECRETARY", cast.MembershipIds[Caller.Secretary]), (secretary.GetProperty("role").GetString(), secretary.GetProperty("memberId").GetInt64()));
        foreach (var field in new[] { "name", "studentNumber", "major", "phone", "email", "joinedAt", "paid" }) Assert.True(secretary.TryGetProperty(field, out _), field);
        Assert.True(Assert.Single(found!).GetProperty("paid").GetBoolean());
        Assert.Equal(1, all!.Count(m => m.GetProperty("paid").GetBoolean()));
    }

    [Theory]
    [InlineData("/members?role=KING", ErrorCodes.RoleInvalid, "role")]
    [InlineData("/members?role=4", ErrorCodes.RoleInvalid, "role")]
    [InlineData("/members?term=2026-3", ErrorCodes.InvalidInput, "term")]
    [InlineData("/payments?status=PAID_TWICE", ErrorCodes.PaymentStatusInvalid, "status")]
    [InlineData("/payments?term=20261", ErrorCodes.InvalidInput, "term")]
    public async Task Bad_filters_are_refused_with_their_code(string path, string code, string field)
    {
        using var response = await President.GetAsync(Club + path, Ct);

        await response.IsProblemAsync(HttpStatusCode.BadRequest, code, field);
    }

    [Fact]
    public async Task Role_changes_and_handovers_refuse_bad_input_with_stable_codes()
    {
        var member = await app.AddMemberAsync(cast.ClubId);

        using var toPresident = await President.PutAsJsonAsync($"{Club}/members/{member}/role", new { role = "PRESIDENT" }, Ct);
        using var unknownRole = await President.PutAsJsonAsync($"{Club}/members/{member}/role", new { role = "KING" }, Ct);
        using var noRole = await President.PutAsJsonAsync($"{Club}/members/{member}/role", new { }, Ct);
        using var presidentsRole = await President.PutAsJsonAsync($"{Club}/members/{cast.MembershipIds[Caller.President]}/role", new { role = "MEMBER" }, Ct);
        using var unknownMember = await President.DeleteAsync($"{Club}/members/{long.MaxValue}", Ct);
        using var noSuccessor = await President.PostAsJsonAsync($"{Club}/handover", new { }, Ct);
        using var toSelf = await President.PostAsJsonAsync($"{Club}/handover", new { memberId = cast.MembershipIds[Caller.President] }, Ct);
        using var otherClubsMember = await President.PutAsJsonAsync($"/v1/clubs/{cast.OtherClubId}/members/{member}/role", new { role = "OFFICER" }, Ct);

        await toPresident.IsProblemAsync(HttpStatusCode.Conflict, ErrorCodes.UsePresidencyHandover);
        await unknownRole.IsProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.RoleInvalid, "role");
        await noRole.IsProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.FieldRequired, "role");
        await presidentsRole.IsProblemAsync(HttpStatusCode.Conflict, ErrorCodes.PresidentRoleProtected);
        await unknownMember.IsProblemAsync(HttpStatusCode.NotFound, ErrorCodes.MemberNotFound);
        await noSuccessor.IsProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.FieldRequired, "memberId");
        await toSelf.IsProblemAsync(HttpStatusCode.Conflict, ErrorCodes.AlreadyPresident);
        await otherClubsMember.IsProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
    }

    [Fact]
    public async Task Payments_filter_by_status_and_refunds_refuse_bad_input()
    {
        var student = await app.Services.UserIdAsync((await app.SignUpAsync()).Email);
        var pending = await app.AddOrderAsync(cast.ClubId, student, OrderStatus.Pending);
        var outsider = await app.Services.UserIdAsync((await app.SignUpAsync()).Email);
        var otherClubs = await app.AddOrderAsync(cast.OtherClubId, outsider, OrderStatus.Pending);

        var list = await cast[Caller.Officer].GetFromJsonAsync<JsonElement>($"{Club}/payments?status=PENDING", Ct);
        using var noReason = await cast[Caller.Secretary].PostAsJsonAsync($"/v1/orders/{pending}/refund", new { reason = " " }, Ct);
        using var missingReason = await cast[Caller.Secretary].PostAsJsonAsync($"/v1/orders/{pending}/refund", new { }, Ct);
        using var unknown = await cast[Caller.Secretary].PostAsJsonAsync($"/v1/orders/{long.MaxValue}/refund", new { reason = "탈퇴" }, Ct);
        using var ofOtherClub = await cast[Caller.Secretary].PostAsJsonAsync($"/v1/orders/{otherClubs}/refund", new { reason = "탈퇴" }, Ct);

        Assert.Contains(list.GetProperty("orders").EnumerateArray(), o => o.GetProperty("orderId").GetInt64() == pending);
        Assert.All(list.GetProperty("orders").EnumerateArray(), o => Assert.Equal("Pending", o.GetProperty("status").GetString()));
        await noReason.IsProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.RefundReasonRequired, "reason");
        await missingReason.IsProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.FieldRequired, "reason");
        await unknown.IsProblemAsync(HttpStatusCode.NotFound, ErrorCodes.OrderNotFound);
        await ofOtherClub.IsProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
    }

    [Fact]
    public async Task Notices_refuse_bad_input_with_stable_codes()
    {
        using var audience = await President.PostAsJsonAsync($"{Club}/notices", new { title = "t", body = "b", audience = "EVERYONE" }, Ct);
        using var noTitle = await President.PostAsJsonAsync($"{Club}/notices", new { body = "b", audience = "MEMBERS" }, Ct);
        using var unknownNotice = await President.GetAsync($"/v1/notices/{long.MaxValue}", Ct);
        using var unknownClub = await President.GetAsync($"/v1/clubs/{long.MaxValue}/notices", Ct);
        using var readUnknown = await President.PostAsync($"/v1/notices/{long.MaxValue}/read", null, Ct);

        await audience.IsProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.NoticeAudienceInvalid, "audience");
        await noTitle.IsProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.FieldRequired, "title");
        await unknownNotice.IsProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NoticeNotFound);
        await unknownClub.IsProblemAsync(HttpStatusCode.NotFound, ErrorCodes.ClubNotFound);
        await readUnknown.IsProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NoticeNotFound);
    }

    [Fact]
    public async Task The_public_sees_public_notices_and_members_see_theirs_too()
    {
        var members = await cast[Caller.Officer].PostNoticeAsync(cast.ClubId, "회원 공지");
        var everyone = await cast[Caller.Officer].PostNoticeAsync(cast.ClubId, "공개 공지", "PUBLIC");

        var anonymous = await cast[Caller.Anonymous].GetFromJsonAsync<JsonElement[]>($"{Club}/notices", Ct);
        var member = await cast[Caller.Member].GetFromJsonAsync<JsonElement[]>($"{Club}/notices", Ct);
        using var publicOne = await cast[Caller.Anonymous].GetAsync($"/v1/notices/{everyone}", Ct);

        Assert.Contains(anonymous!, n => n.GetProperty("noticeId").GetInt64() == everyone);
        Assert.DoesNotContain(anonymous!, n => n.GetProperty("noticeId").GetInt64() == members);
        Assert.Contains(member!, n => n.GetProperty("noticeId").GetInt64() == members);
        Assert.Equal(HttpStatusCode.OK, publicOne.StatusCode);
    }

    [Fact]
    public async Task An_edit_keeps_the_text_it_replaced_in_the_revisions_newest_first()
    {
        var noticeId = await cast[Caller.Officer].PostNoticeAsync(cast.ClubId, "첫 제목");
        (await President.PutAsJsonAsync($"/v1/notices/{noticeId}", new { title = "둘째 제목", body = "**둘째**", audience = "MEMBERS" }, Ct))
            .EnsureSuccessStatusCode();
        (await President.PutAsJsonAsync($"/v1/notices/{noticeId}", new { title = "셋째 제목", body = "셋째", audience = "MEMBERS" }, Ct))
            .EnsureSuccessStatusCode();

        var revisions = await President.GetFromJsonAsync<JsonElement[]>($"/v1/notices/{noticeId}/revisions", Ct);
        using var unknown = await President.GetAsync($"/v1/notices/{long.MaxValue}/revisions", Ct);

        Assert.Equal(["둘째 제목", "첫 제목"], revisions!.Select(r => r.GetProperty("title").GetString()));
        Assert.Equal("<p><strong>둘째</strong></p>", revisions![0].GetProperty("html").GetString()!.Trim());
        Assert.Equal(JsonValueKind.String, revisions[0].GetProperty("replacedBy").ValueKind);
        await unknown.IsProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NoticeNotFound);
    }
}
