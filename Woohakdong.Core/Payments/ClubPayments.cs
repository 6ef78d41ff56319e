using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Events;
using Woohakdong.Core.Membership;

namespace Woohakdong.Core.Payments;

/// <summary>
/// One order on the club's payments list. <see cref="RefundedAmount"/> sums its refund rows: the money given back, which
/// differs from <see cref="Amount"/> when a payment of another amount was refunded. <see cref="EventTitle"/> names the
/// event a ticket was bought for; null for the term's dues (a join).
/// </summary>
public sealed record ClubPaymentRow(
    long OrderId, string MerchantUid, string MemberName, long Amount, OrderStatus Status,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string? RefundReason, long RefundedAmount, string? EventTitle);

/// <summary>What the club took and gave back; <see cref="Counts"/> has every status, zero included.</summary>
public sealed record ClubPaymentTotals(long CompletedAmount, long RefundedAmount, IReadOnlyDictionary<OrderStatus, int> Counts);

public sealed record ClubPaymentList(IReadOnlyList<ClubPaymentRow> Orders, ClubPaymentTotals Totals);

/// <summary>
/// The club's orders (dues and event tickets) for its officers: this term's by default, another term's (<c>termKey</c>) or every term's, of
/// one status or all; the totals are of the orders listed.
/// </summary>
public sealed class ClubPayments(IDbContextFactory<AppDbContext> dbFactory, ClubAccess access, TimeProvider time)
{
    public async Task<ClubPaymentList> ListAsync(
        long clubId, bool allTerms = false, string? termKey = null, OrderStatus? status = null, CancellationToken ct = default)
    {
        await access.RequireAsync(clubId, role => role >= RolePolicy.Admin, ct);
        if (status is { } given && !Enum.IsDefined(given)) throw AppException.Validation(ErrorCodes.PaymentStatusInvalid, "status");
        var term = termKey is { Length: > 0 } key ? Term.Parse(key).Key : Term.Current(time).Key;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await RowsOf(db, clubId, allTerms ? null : term, status).ToListAsync(ct);
        return new ClubPaymentList(rows, TotalsOf(rows));
    }

    /// <summary>The club's orders of one term (every term when <paramref name="termKey"/> is null), newest first: the list's and the export's.</summary>
    internal static IQueryable<ClubPaymentRow> RowsOf(AppDbContext db, long clubId, string? termKey, OrderStatus? status) =>
        from order in db.JoinOrders.AsNoTracking()
        join pool in db.SeatPools on order.PoolId equals pool.Id
        join user in db.Users on order.UserId equals user.Id
        where order.ClubId == clubId && (termKey == null || pool.TermKey == termKey) && (status == null || order.Status == status)
        orderby order.Id descending
        select new ClubPaymentRow(
            order.Id, order.MerchantUid, user.DisplayName, order.Amount, order.Status, order.CreatedAt, order.UpdatedAt,
            order.RefundReason ?? db.PaymentRefunds.Where(r => r.OrderId == order.Id).Select(r => r.Reason).FirstOrDefault(),
            db.PaymentRefunds.Where(r => r.OrderId == order.Id).Sum(r => r.Amount),
            pool is ClubEvent ? ((ClubEvent)pool).Title : null);

    private static ClubPaymentTotals TotalsOf(List<ClubPaymentRow> rows) => new(
        rows.Where(r => r.Status == OrderStatus.Completed).Sum(r => r.Amount),
        rows.Sum(r => r.RefundedAmount),
        Enum.GetValues<OrderStatus>().ToDictionary(status => status, status => rows.Count(r => r.Status == status)));
}
