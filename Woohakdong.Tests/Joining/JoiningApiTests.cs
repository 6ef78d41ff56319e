using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Woohakdong.Tests.Api;
using Woohakdong.Tests.Enrollment;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Joining;

public sealed class JoiningApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_free_group_admits_up_to_its_limit_and_answers_clear_conflicts()
    {
        var president = await ApiStudents.SignUpAsync(app);
        var clubId = await ApiStudents.CreateClubAsync(president, seatLimit: 2);
        var closed = await (await app.CreateClient().GetAsync($"/v1/clubs/{clubId}/join", Ct)).JsonAsync();
        var groupId = closed.GetProperty("groupId").GetInt64();
        var opened = await president.PutAsJsonAsync($"/v1/groups/{groupId}", new { recruiting = true, seatLimit = 2, amount = 0 }, Ct);
        var first = await ApiStudents.SignUpAsync(app);
        var second = await ApiStudents.SignUpAsync(app);
        var third = await ApiStudents.SignUpAsync(app);

        var admitted = await first.PostAsync($"/v1/groups/{groupId}/joins", null, Ct);
        var twice = await first.PostAsJsonAsync($"/v1/groups/{groupId}/joins", new { merchantUid = (string?)null }, Ct);
        await second.PostAsync($"/v1/groups/{groupId}/joins", null, Ct);
        var full = await third.PostAsync($"/v1/groups/{groupId}/joins", null, Ct);
        var fullAgain = await third.PostAsync($"/v1/groups/{groupId}/joins", null, Ct);
        var memberEdit = await first.PutAsJsonAsync($"/v1/groups/{groupId}", new { recruiting = true, seatLimit = 10, amount = 0 }, Ct);
        var belowTaken = await president.PutAsJsonAsync($"/v1/groups/{groupId}", new { recruiting = true, seatLimit = 1, amount = 0 }, Ct);
        var current = await (await app.CreateClient().GetAsync($"/v1/clubs/{clubId}/join", Ct)).JsonAsync();

        Assert.False(closed.GetProperty("recruiting").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(HttpStatusCode.Created, admitted.StatusCode);
        var admission = await admitted.JsonAsync();
        Assert.True(admission.GetProperty("membershipId").GetInt64() > 0);
        Assert.Equal("MEMBER", admission.GetProperty("role").GetString());
        await AssertProblemAsync(twice, HttpStatusCode.Conflict, "ALREADY_MEMBER", "이미 이번 학기 회원입니다.");
        await AssertProblemAsync(full, HttpStatusCode.Conflict, "FULL", "정원이 마감되었습니다.");
        // Now answered from memory, before the service: the same problem answer.
        await AssertProblemAsync(fullAgain, HttpStatusCode.Conflict, "FULL", "정원이 마감되었습니다.");
        Assert.Equal(HttpStatusCode.Forbidden, memberEdit.StatusCode);
        await AssertProblemAsync(belowTaken, HttpStatusCode.Conflict, "SEAT_LIMIT_BELOW_TAKEN", "정원은 이미 찬 자리 수보다 적게 줄일 수 없습니다.");
        Assert.Equal(
            (groupId, 0L, 2, 0, true),
            (current.GetProperty("groupId").GetInt64(), current.GetProperty("groupAmount").GetInt64(),
             current.GetProperty("seatLimit").GetInt32(), current.GetProperty("seatsLeft").GetInt32(), current.GetProperty("recruiting").GetBoolean()));
    }

    [Fact]
    public async Task Joining_a_closed_group_or_with_an_incomplete_profile_is_refused()
    {
        var president = await ApiStudents.SignUpAsync(app);
        var clubId = await ApiStudents.CreateClubAsync(president, seatLimit: 5, fee: 30_000);
        var groupId = (await (await president.GetAsync($"/v1/clubs/{clubId}/join", Ct)).JsonAsync()).GetProperty("groupId").GetInt64();
        var student = await ApiStudents.SignUpAsync(app);
        var incomplete = await ApiStudents.SignUpAsync(app, completeProfile: false);

        var whileClosed = await student.PostAsync($"/v1/groups/{groupId}/joins", null, Ct);
        await president.PutAsJsonAsync($"/v1/groups/{groupId}", new { recruiting = true, seatLimit = 5, amount = 30_000 }, Ct);
        var noProfile = await incomplete.PostAsync($"/v1/groups/{groupId}/joins", null, Ct);
        var unknown = await student.PostAsync("/v1/groups/987654/joins", null, Ct);
        var anonymous = await app.CreateClient().PostAsync($"/v1/groups/{groupId}/joins", null, Ct);

        await AssertProblemAsync(whileClosed, HttpStatusCode.Conflict, "NOT_RECRUITING", "지금은 회원을 모집하고 있지 않습니다.");
        await AssertProblemAsync(noProfile, HttpStatusCode.Conflict, "PROFILE_INCOMPLETE", "가입하려면 먼저 프로필(이름, 학교, 학과, 학번, 휴대폰 번호)을 모두 입력하세요.");
        await AssertProblemAsync(unknown, HttpStatusCode.NotFound, "GROUP_NOT_FOUND", "모집 정보를 찾을 수 없습니다.");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Editing_a_group_without_recruiting_is_a_400_naming_it_and_recruitment_stays_open()
    {
        var president = await ApiStudents.SignUpAsync(app);
        var clubId = await ApiStudents.CreateClubAsync(president, seatLimit: 10);
        var groupId = (await (await president.GetAsync($"/v1/clubs/{clubId}/join", Ct)).JsonAsync()).GetProperty("groupId").GetInt64();
        (await president.PutAsJsonAsync($"/v1/groups/{groupId}", new { recruiting = true, seatLimit = 10, amount = 0 }, Ct)).EnsureSuccessStatusCode();

        var response = await president.PutAsJsonAsync($"/v1/groups/{groupId}", new { seatLimit = 12, amount = 0 }, Ct);

        await response.IsProblemAsync(HttpStatusCode.BadRequest, "FIELD_REQUIRED", "recruiting");
        var current = await (await president.GetAsync($"/v1/clubs/{clubId}/join", Ct)).JsonAsync();
        Assert.Equal((true, 10), (current.GetProperty("recruiting").GetBoolean(), current.GetProperty("seatLimit").GetInt32()));
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code, string detail)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal((code, detail), (problem.GetProperty("code").GetString(), problem.GetProperty("detail").GetString()));
    }
}
