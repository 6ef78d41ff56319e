using System.Linq.Expressions;
using Woohakdong.Core.Common;

namespace Woohakdong.Core.Items;

/// <summary>
/// When a borrower is told an item is overdue: once a KST day, from the day after <see cref="ItemLoan.DueOn"/> until it is
/// returned. A pass that comes after days without one (an outage) sends one notice for today, not one per missed day.
/// One expression, so the database asks exactly what the tests check.
/// </summary>
public static class OverdueSchedule
{
    public static Expression<Func<ItemLoan, bool>> NoticeDue(DateTimeOffset now)
    {
        var today = Today(now);
        return loan => loan.ReturnedAt == null && loan.DueOn < today
            && (loan.LastOverdueNoticeOn == null || loan.LastOverdueNoticeOn < today);
    }

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.ToKst().DateTime);
}
