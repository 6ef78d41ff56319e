using Microsoft.AspNetCore.Identity;
using Woohakdong.Core.Accounts;
using Woohakdong.Core.Applications;
using Woohakdong.Core.Clubs;
using Woohakdong.Core.Common;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Joining;

namespace Woohakdong.Web.Hosting;

/// <summary>
/// A second demo club that recruits by application (우학동 밴드부, paid), with a form and applications in every state, so a
/// new user sees the review queue at once. The demo student has not applied: they can try it.
/// </summary>
internal static class DemoApplications
{
    public const string ClubEnglishName = "band";

    private static readonly QuestionInput[] Questions =
    [
        new(null, QuestionType.ShortText, "지원 동기", "한두 문장이면 충분해요.", true, null),
        new(null, QuestionType.SingleChoice, "희망 파트", "", true, ["보컬", "기타", "베이스", "드럼", "건반"]),
        new(null, QuestionType.MultiChoice, "합주 가능한 요일", "", false, ["월", "화", "수", "목", "금"]),
        new(null, QuestionType.LongText, "좋아하는 음악과 연주 경험", "", false, null),
    ];

    private static readonly (string Email, string Name, string StudentNumber, string Part, string Motive)[] Applicants =
    [
        ("band1@woohakdong.kr", "박지훈", "20251001", "기타", "고등학교 때 밴드부였어요."),
        ("band2@woohakdong.kr", "오수아", "20251002", "보컬", "무대에 서 보고 싶어요."),
        ("band3@woohakdong.kr", "윤도현", "20241003", "드럼", "드럼을 배우고 싶습니다."),
        ("band4@woohakdong.kr", "장하은", "20251004", "건반", "피아노를 10년 쳤어요."),
        ("band5@woohakdong.kr", "임재원", "20231005", "베이스", "같이 합주할 사람을 찾고 있어요."),
        ("band6@woohakdong.kr", "서예린", "20251006", "보컬", "축제 공연이 목표예요."),
        ("band7@woohakdong.kr", "강민석", "20251007", "기타", "일렉 기타 독학 2년차입니다."),
    ];

    /// <summary>Runs in the seeding scope, whose current user is switched to each applicant and back to the president.</summary>
    public static async Task AddAsync(AsyncServiceScope scope, UserManager<AppUser> users, AppUser president)
    {
        var services = scope.ServiceProvider;
        var currentUser = services.GetRequiredService<CurrentUser>();
        var club = await services.GetRequiredService<ClubService>().CreateAsync(new ClubInput(
            "우학동 밴드부", ClubEnglishName, "매 학기 정기 공연을 하는 밴드 동아리입니다. 지원서를 읽고 짧은 면접 뒤에 함께할 부원을 정해요.",
            "학생회관 B102호", "https://open.kakao.com/o/woohakdong-band", 20_000, 12));
        var groups = services.GetRequiredService<JoinGroupService>();
        var group = await groups.GetCurrentAsync(club.Id);
        await groups.UpdateAsync(group.GroupId, recruiting: true, group.SeatLimit, group.GroupAmount);
        var today = services.GetRequiredService<TimeProvider>().GetUtcNow().ToKst().Date;
        var opens = new DateTimeOffset(today.AddDays(-3), KoreanTime.Offset);
        var form = await services.GetRequiredService<ApplicationForms>().SaveAsync(
            group.GroupId, new FormInput(JoinPolicy.Application, opens, opens.AddDays(17), Questions));

        var ids = new List<long>();
        foreach (var applicant in Applicants)
        {
            var user = await DemoData.CreateUserAsync(users, applicant.Email, applicant.Name, applicant.StudentNumber, "010-5555-0000");
            currentUser.Set(await DemoData.SignInPrincipalAsync(scope, user));
            var submitted = await services.GetRequiredService<Applying>().SubmitAsync(group.GroupId,
            [
                new(form.Questions[0].Id, applicant.Motive, null),
                new(form.Questions[1].Id, null, [applicant.Part]),
                new(form.Questions[2].Id, null, ["화", "목"]),
            ]);
            ids.Add(submitted.ApplicationId);
        }
        currentUser.Set(await DemoData.SignInPrincipalAsync(scope, president));

        // 0 stays SUBMITTED; the others walk to each state the queue can show.
        var decisions = services.GetRequiredService<Decisions>();
        await decisions.DecideAsync(ids[1], Decision.Interview, "금요일 18시, 학생회관 B102호에서 10분 정도 이야기해요.");
        await decisions.DecideAsync(ids[2], Decision.Approve, "합격을 축하해요! 회비를 결제하면 가입이 끝납니다.");
        await decisions.DecideAsync(ids[3], Decision.Reject, "이번 학기 건반 자리가 찼어요. 다음 학기에 꼭 다시 지원해 주세요.");
        await decisions.SetMemoAsync(ids[0], "기타 경력 있음, 면접 때 장비 여부 물어보기");
        await ApproveAndEndHoldAsync(services, decisions, ids[4], group.GroupId, Applicants[4].Email, users, convert: true);
        await ApproveAndEndHoldAsync(services, decisions, ids[5], group.GroupId, Applicants[5].Email, users, convert: false);

        var withdrawer = await users.FindByEmailAsync(Applicants[6].Email);
        currentUser.Set(await DemoData.SignInPrincipalAsync(scope, withdrawer!));
        await services.GetRequiredService<Applying>().WithdrawAsync(ids[6]);
        currentUser.Set(await DemoData.SignInPrincipalAsync(scope, president));
    }

    /// <summary>JOINED as if the fee were paid (the hold converted), or EXPIRED as if its deadline passed (the hold let go).</summary>
    private static async Task ApproveAndEndHoldAsync(
        IServiceProvider services, Decisions decisions, long applicationId, long groupId, string email, UserManager<AppUser> users, bool convert)
    {
        await decisions.DecideAsync(applicationId, Decision.Approve, "합격입니다!");
        var userId = (await users.FindByEmailAsync(email))!.Id;
        await using var db = await services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Core.Data.AppDbContext>>().CreateDbContextAsync();
        var holdId = db.SeatHolds.Where(h => h.PoolId == groupId && h.UserId == userId && h.State == HoldState.Held).Select(h => h.Id).Single();
        var holds = services.GetRequiredService<HoldService>();
        if (convert) await holds.ConvertHoldAsync(holdId);
        else await holds.ReleaseHoldAsync(holdId);
    }
}
