using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Accounts;
using Woohakdong.Core.Clubs;
using Woohakdong.Core.Data;
using Woohakdong.Core.Joining;
using Woohakdong.Core.Membership;
using Microsoft.EntityFrameworkCore;

namespace Woohakdong.Web.Hosting;

/// <summary>
/// The embedded default's demo: on the first start with SQLite (an empty database) it creates a president,
/// a student and a club with a fee, a seat limit and equipment to lend, and prints how to sign in. Never runs on PostgreSQL.
/// </summary>
public static class DemoData
{
    public const string PresidentEmail = "president@woohakdong.kr";
    public const string StudentEmail = "student@woohakdong.kr";
    public const string OfficerEmail = "officer@woohakdong.kr";
    public const string SecretaryEmail = "secretary@woohakdong.kr";
    public const string Password = "woohakdong1";
    public const string ClubEnglishName = "photo";

    public static async Task SeedDemoDataAsync(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider != DatabaseProvider.Sqlite) return;
        if (!app.Configuration.GetValue("Demo:Seed", true)) return;

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (users.Users.Any()) return;

        var president = await CreateUserAsync(users, PresidentEmail, "김회장", "20201234", "010-1111-2222");
        await CreateUserAsync(users, StudentEmail, "이학생", "20251234", "010-3333-4444");
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(await SignInPrincipalAsync(scope, president));
        var club = await scope.ServiceProvider.GetRequiredService<ClubService>().CreateAsync(new ClubInput(
            "우학동 사진부", ClubEnglishName,
            "필름부터 디지털까지, 매주 목요일 출사를 나가는 사진 동아리입니다. 카메라가 없어도 동아리 장비를 빌려 드려요.",
            "학생회관 304호", "https://open.kakao.com/o/woohakdong-photo", 10_000, 30));
        await AddOfficersAsync(scope, users, club.Id);
        await DemoItems.AddAsync(scope.ServiceProvider, club.Id);
        await DemoNotices.AddAsync(scope.ServiceProvider, club.Id);
        await DemoCalendar.AddAsync(scope, users, president, club.Id);
        var groups = scope.ServiceProvider.GetRequiredService<JoinGroupService>();
        var group = await groups.GetCurrentAsync(club.Id);
        await groups.UpdateAsync(group.GroupId, recruiting: true, group.SeatLimit, group.GroupAmount);
        await DemoOverview.AddAsync(scope.ServiceProvider, users, club.Id, group.GroupId);
        await DemoEvents.AddAsync(scope, users, president, club.Id);
        await DemoApplications.AddAsync(scope, users, president);

        app.Lifetime.ApplicationStarted.Register(() => PrintSignIns(app));
    }

    /// <summary>The officers a club starts its term with; they take no seats from the join group.</summary>
    private static async Task AddOfficersAsync(AsyncServiceScope scope, UserManager<AppUser> users, long clubId)
    {
        (string Email, string Name, string StudentNumber, string Phone, ClubRole Role)[] officers =
        [
            ("vice@woohakdong.kr", "최민지", "20211357", "010-2222-3333", ClubRole.VicePresident),
            (SecretaryEmail, "정준호", "20222468", "010-4444-5555", ClubRole.Secretary),
            (OfficerEmail, "한서연", "20231122", "010-6666-7777", ClubRole.Officer),
        ];
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        foreach (var officer in officers)
        {
            var user = await CreateUserAsync(users, officer.Email, officer.Name, officer.StudentNumber, officer.Phone);
            db.Memberships.Add(new ClubMembership { ClubId = clubId, UserId = user.Id, TermKey = Term.Current(time).Key, Role = officer.Role });
        }
        await db.SaveChangesAsync();
    }

    internal static async Task<AppUser> CreateUserAsync(UserManager<AppUser> users, string email, string name, string studentNumber, string phone)
    {
        var user = new AppUser
        {
            UserName = email, Email = email, DisplayName = name, School = "우학대학교", Major = "컴퓨터공학과",
            StudentNumber = studentNumber, Phone = phone,
        };
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        return user;
    }

    internal static async Task<System.Security.Claims.ClaimsPrincipal> SignInPrincipalAsync(AsyncServiceScope scope, AppUser user) =>
        await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);

    private static void PrintSignIns(WebApplication app)
    {
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                  ?? "http://localhost:5000";
        app.Logger.LogInformation(
            """

            ================ 우학동 demo ================
            Open {Url}
              회장 (president): {President} / {Password}
              학생 (student):   {Student} / {Password}
              Demo club:       {Url}/clubs/{Club}
              By application:  {Url}/clubs/{Band} (review queue: {Url}/clubs/{Band}/admin?tab=applications)
            =============================================
            """, url, PresidentEmail, Password, StudentEmail, Password, url, ClubEnglishName, url, DemoApplications.ClubEnglishName, url, DemoApplications.ClubEnglishName);
    }
}
