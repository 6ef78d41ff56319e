using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Data;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Joining;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Payments;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Notices;

/// <summary>A club over /v1 with one signed-in account of every role, a student, an officer of another club and an anonymous client.</summary>
public sealed record ApiCast(
    long ClubId, long OtherClubId, IReadOnlyDictionary<Caller, HttpClient> Clients, IReadOnlyDictionary<Caller, long> MembershipIds,
    IReadOnlyDictionary<Caller, string> Emails)
{
    public HttpClient this[Caller caller] => Clients[caller];
}

public static class RecordsApiKit
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<ApiCast> SeedApiCastAsync(this AppFactoryBase app)
    {
        var president = await app.SignUpAsync();
        var club = await president.CreateClubAsync($"rc{Guid.NewGuid():N}"[..12]);
        var otherPresident = await app.SignUpAsync();
        var otherClub = await otherPresident.CreateClubAsync($"ro{Guid.NewGuid():N}"[..12]);
        var clients = new Dictionary<Caller, HttpClient> { [Caller.Anonymous] = app.CreateClient(), [Caller.President] = president.Client };
        var emails = new Dictionary<Caller, string> { [Caller.President] = president.Email };
        async Task Add(Caller caller, long clubId, ClubRole? role)
        {
            var account = await app.SignUpAsync();
            if (role is { } given) await app.GrantRoleAsync(account, clubId, given);
            (clients[caller], emails[caller]) = (account.Client, account.Email);
        }
        await Add(Caller.VicePresident, club.Id, ClubRole.VicePresident);
        await Add(Caller.Secretary, club.Id, ClubRole.Secretary);
        await Add(Caller.Officer, club.Id, ClubRole.Officer);
        await Add(Caller.Member, club.Id, ClubRole.Member);
        await Add(Caller.Student, club.Id, null);
        await Add(Caller.OfficerOfAnotherClub, otherClub.Id, ClubRole.Officer);
        await using var db = await app.DbAsync();
        var memberships = await db.Memberships.Where(m => m.ClubId == club.Id).Select(m => new { m.Id, m.User.Email }).ToListAsync(Ct);
        var ids = emails.Where(e => memberships.Any(m => m.Email == e.Value))
            .ToDictionary(e => e.Key, e => memberships.Single(m => m.Email == e.Value).Id);
        return new ApiCast(club.Id, otherClub.Id, clients, ids, emails);
    }

    public static async Task<AppDbContext> DbAsync(this AppFactoryBase app) =>
        await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);

    /// <summary>A new member of the club this term: its membership id.</summary>
    public static async Task<long> AddMemberAsync(this AppFactoryBase app, long clubId)
    {
        var account = await app.SignUpAsync();
        await app.GrantRoleAsync(account, clubId, ClubRole.Member);
        await using var db = await app.DbAsync();
        return await db.Memberships.Where(m => m.ClubId == clubId && m.User.Email == account.Email).Select(m => m.Id).SingleAsync(Ct);
    }

    /// <summary>A join order of this term's group in the given status, written straight to the database.</summary>
    public static async Task<long> AddOrderAsync(this AppFactoryBase app, long clubId, Guid userId, OrderStatus status, long amount = 10_000)
    {
        await using var db = await app.DbAsync();
        var term = Term.Current(app.Services.GetRequiredService<TimeProvider>()).Key;
        var group = await db.JoinGroups.SingleOrDefaultAsync(g => g.ClubId == clubId && g.TermKey == term, Ct);
        if (group is null)
        {
            group = new JoinGroup { ClubId = clubId, TermKey = term, Amount = amount, SeatLimit = 30 };
            db.JoinGroups.Add(group);
            await db.SaveChangesAsync(Ct);
        }
        var hold = new SeatHold { PoolId = group.Id, UserId = userId, ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(10) };
        db.SeatHolds.Add(hold);
        await db.SaveChangesAsync(Ct);
        var order = new JoinOrder
        {
            MerchantUid = $"wh_{Guid.NewGuid():N}", ClubId = clubId, PoolId = group.Id, UserId = userId, Amount = amount,
            HoldId = hold.Id, HoldExpiresAt = hold.ExpiresAt, Status = status,
        };
        db.JoinOrders.Add(order);
        await db.SaveChangesAsync(Ct);
        return order.Id;
    }

    public static async Task<long> PostNoticeAsync(this HttpClient officer, long clubId, string title = "공지", string audience = "MEMBERS", string body = "내용")
    {
        using var response = await officer.PostAsJsonAsync($"/v1/clubs/{clubId}/notices", new { title, body, audience }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct)).GetProperty("noticeId").GetInt64();
    }
}
