using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Accounts;
using Woohakdong.Core.Applications;
using Woohakdong.Core.Calendar;
using Woohakdong.Core.Clubs;
using Woohakdong.Core.Common;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Events;
using Woohakdong.Core.Items;
using Woohakdong.Core.Joining;
using Woohakdong.Core.Ledger;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Notices;
using Woohakdong.Core.Notifications;
using Woohakdong.Core.Payments;
using Woohakdong.Core.Payments.Inbox;
using Woohakdong.Core.Storage;

namespace Woohakdong.Core.Data;

/// <summary>
/// The single model. Each provider has a thin subclass (<see cref="SqliteAppDbContext"/>,
/// <see cref="PostgresAppDbContext"/>) only so that each keeps its own migrations in this assembly.
/// </summary>
public abstract class AppDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>Whose changes <see cref="AuditInterceptor"/> stamps; set by the scope that hands the context out.</summary>
    internal ICurrentUser? Actor { get; set; }

    // Who added which entity, when one save carries several people's changes (a batch of seats).
    private Dictionary<object, Guid>? addedBy;

    /// <summary>Records every entity added since the last call as <paramref name="userId"/>'s, for the audit stamp.</summary>
    internal void AttributeAddedTo(Guid userId)
    {
        addedBy ??= new Dictionary<object, Guid>(ReferenceEqualityComparer.Instance);
        foreach (var entry in ChangeTracker.Entries().Where(e => e.State == EntityState.Added)) addedBy.TryAdd(entry.Entity, userId);
    }

    /// <summary>Whose doing <paramref name="entity"/> is: its attributed user, else the context's <see cref="Actor"/>.</summary>
    internal Guid? ActorOf(object entity) =>
        addedBy is not null && addedBy.TryGetValue(entity, out var userId) ? userId : Actor?.UserId;

    /// <summary>Recipients of notifications saved but not yet announced (<see cref="NotificationAnnouncer"/>).</summary>
    internal HashSet<Guid> UnannouncedRecipients { get; } = [];

    public DbSet<Club> Clubs => Set<Club>();
    public DbSet<ClubMembership> Memberships => Set<ClubMembership>();
    public DbSet<SeatPool> SeatPools => Set<SeatPool>();
    public DbSet<JoinGroup> JoinGroups => Set<JoinGroup>();
    public DbSet<ClubEvent> Events => Set<ClubEvent>();
    public DbSet<EventSignup> EventSignups => Set<EventSignup>();
    public DbSet<WaitlistEntry> WaitlistEntries => Set<WaitlistEntry>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<SeatHold> SeatHolds => Set<SeatHold>();
    public DbSet<JoinOrder> JoinOrders => Set<JoinOrder>();
    public DbSet<OrderHistory> OrderHistory => Set<OrderHistory>();
    public DbSet<PaymentRefund> PaymentRefunds => Set<PaymentRefund>();
    public DbSet<WebhookNotice> WebhookNotices => Set<WebhookNotice>();
    public DbSet<WebhookReceipt> WebhookReceipts => Set<WebhookReceipt>();
    public DbSet<IssuedUpload> IssuedUploads => Set<IssuedUpload>();
    public DbSet<Item> Items => Set<Item>();
    public DbSet<ItemImage> ItemImages => Set<ItemImage>();
    public DbSet<ItemLoan> ItemLoans => Set<ItemLoan>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<EmailOptOut> EmailOptOuts => Set<EmailOptOut>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Notice> Notices => Set<Notice>();
    public DbSet<NoticeRevision> NoticeRevisions => Set<NoticeRevision>();
    public DbSet<NoticeRead> NoticeReads => Set<NoticeRead>();
    public DbSet<NoticeImage> NoticeImages => Set<NoticeImage>();
    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();
    public DbSet<LedgerReceipt> LedgerReceipts => Set<LedgerReceipt>();
    public DbSet<FormQuestion> FormQuestions => Set<FormQuestion>();
    public DbSet<JoinApplication> Applications => Set<JoinApplication>();
    public DbSet<ApplicationAnswer> ApplicationAnswers => Set<ApplicationAnswer>();
    public DbSet<ApplicationHistory> ApplicationHistory => Set<ApplicationHistory>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // SQLite cannot order or compare DateTimeOffset; UTC ticks keep it sortable like PostgreSQL's timestamptz.
        configuration.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }
}

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
