using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Payments;

namespace Woohakdong.Core.Exports;

public sealed record PaymentsExportRow(
    string MerchantUid, string Name, string PaidFor, long Amount, string Status, long Refunded, string RefundReason, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>The term's orders (dues and event tickets) for 총무 and above, of one status if the screen filters so.</summary>
public sealed class PaymentsExport : ExportDefinition<PaymentsExportRow>
{
    public override string Name => "payments";
    public override string Title => "회비 납부 내역";

    public override IReadOnlyList<ExportColumn> Columns { get; } =
    [
        new(nameof(PaymentsExportRow.MerchantUid), "주문번호"),
        new(nameof(PaymentsExportRow.Name), "이름"),
        new(nameof(PaymentsExportRow.PaidFor), "항목"),
        new(nameof(PaymentsExportRow.Amount), "금액", ExportCell.Won),
        new(nameof(PaymentsExportRow.Status), "상태"),
        new(nameof(PaymentsExportRow.Refunded), "환불액", ExportCell.Won),
        new(nameof(PaymentsExportRow.RefundReason), "환불 사유"),
        new(nameof(PaymentsExportRow.CreatedAt), "주문 일시", ExportCell.DateTime),
        new(nameof(PaymentsExportRow.UpdatedAt), "최근 변경", ExportCell.DateTime),
    ];

    public override bool IsAllowed(ClubRole? role) => RolePolicy.CanRefundPayments(role);

    public override void Validate(ExportRequest request) => StatusOf(request);

    protected override async IAsyncEnumerable<PaymentsExportRow> RowsAsync(
        AppDbContext db, ExportRequest request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var status = StatusOf(request);
        await foreach (var o in ClubPayments.RowsOf(db, request.ClubId, request.TermKey, status).AsAsyncEnumerable().WithCancellation(ct))
            yield return new PaymentsExportRow(o.MerchantUid, o.MemberName, o.EventTitle ?? "회비", o.Amount, ExportNames.Of(o.Status),
                o.RefundedAmount, o.RefundReason ?? "", o.CreatedAt, o.UpdatedAt);
    }

    private static OrderStatus? StatusOf(ExportRequest request) =>
        ExportFilters.ParseOrNull<OrderStatus>(request.Status, "status", ErrorCodes.PaymentStatusInvalid);
}
