using System.Globalization;
using System.Security.Claims;
using Bunit.Rendering;
using Bunit.TestDoubles;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using MudBlazor;
using Woohakdong.Core.Accounts;
using Woohakdong.Core.Clubs;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Membership;
using Woohakdong.Core;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Web.Hosting;

namespace Woohakdong.Tests.Clubs.Pages;

/// <summary>
/// A bUnit context over the real Core services on a fresh SQLite file. A test creates its users and clubs
/// straight in the database, then signs in as one of them: both the page's <see cref="ICurrentUser"/> and
/// its authentication state follow.
/// </summary>
public abstract class CorePageTest : PatientBunitContext, IAsyncLifetime
{
    private readonly TestDatabase database = TestDatabase.Create(DatabaseProvider.Sqlite);
    private readonly TestCurrentUser currentUser = new();
    private readonly BunitAuthorizationContext authorization;

    protected CorePageTest()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("ko-KR");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = nameof(DatabaseProvider.Sqlite),
            ["Database:ConnectionString"] = database.ConnectionString,
        }).Build();
        Services.AddLocalization();
        Services.AddWoohakdongCore(configuration);
        Services.AddSingleton<ICurrentUser>(currentUser);
        Services.AddMudServices();
        // The club page's join panel follows seat changes through it; tests that need live events start it.
        Services.AddPageNotifiers();
        JSInterop.Mode = JSRuntimeMode.Loose;
        authorization = AddAuthorization();
    }

    public async ValueTask InitializeAsync() => await Services.MigrateDatabaseAsync(Xunit.TestContext.Current.CancellationToken);

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await database.DisposeAsync();
    }

    protected static string ThisTerm => Term.Current(TimeProvider.System).Key;

    protected async Task<Guid> AddUserAsync(string name)
    {
        var email = $"{Guid.NewGuid():N}@woohakdong.kr";
        var user = new AppUser
        {
            Id = Guid.NewGuid(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
            NormalizedEmail = email.ToUpperInvariant(), DisplayName = name, School = "우학대학교", Major = "사진학과",
            StudentNumber = "20250001", Phone = "010-1234-5678",
        };
        await InDatabaseAsync(db => db.Users.Add(user));
        return user.Id;
    }

    protected void SignIn(Guid userId)
    {
        currentUser.UserId = userId;
        authorization.SetAuthorized(userId.ToString());
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId.ToString()));
    }

    /// <summary>A club whose president is <paramref name="presidentId"/> this term.</summary>
    protected async Task<long> AddClubAsync(string englishName, Guid presidentId)
    {
        var club = new Club { Name = $"{englishName} 동아리", EnglishName = englishName, Fee = 10_000, SeatLimit = 30 };
        await InDatabaseAsync(db => db.Clubs.Add(club));
        await AddMemberAsync(club.Id, presidentId, ClubRole.President);
        return club.Id;
    }

    protected async Task<long> AddMemberAsync(long clubId, Guid userId, ClubRole role)
    {
        var membership = new ClubMembership { ClubId = clubId, UserId = userId, TermKey = ThisTerm, Role = role };
        await InDatabaseAsync(db => db.Memberships.Add(membership));
        return membership.Id;
    }

    /// <summary>
    /// <typeparamref name="T"/> beside the popover and dialog hosts the layout normally provides, so selects and dialogs
    /// open; the returned host's markup holds both.
    /// </summary>
    protected IRenderedComponent<ContainerFragment> RenderWithHosts<T>(params (string Name, object? Value)[] parameters) where T : IComponent =>
        Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<T>(2);
            foreach (var (name, value) in parameters) builder.AddAttribute(3, name, value);
            builder.CloseComponent();
        });

    protected async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    protected async Task ChangeDatabaseAsync(Func<AppDbContext, Task> change)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await change(db);
        await db.SaveChangesAsync();
    }

    private Task InDatabaseAsync(Action<AppDbContext> change) => ChangeDatabaseAsync(db =>
    {
        change(db);
        return Task.CompletedTask;
    });
}
