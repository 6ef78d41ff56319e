using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Woohakdong.Core.Common;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Payments;
using Woohakdong.Web.Components.Shared;

namespace Woohakdong.Web.Components.Pages.Payments;

/// <summary>
/// Lists the club's orders for officers. The refund button is only offered to roles the service allows; the service
/// checks the role again, so the page never decides what is allowed.
/// </summary>
public partial class AdminPayments(
    ClubPayments payments, AdminRefund adminRefund, IDialogService dialogs, ISnackbar snackbar,
    IStringLocalizer<AdminPaymentText> text, IStringLocalizer<CommonText> common, IStringLocalizer<ErrorMessages> errorText)
{
    private ClubPaymentList? list;
    private OrderStatus? statusFilter;
    private bool allTerms;
    private bool loading;
    private string? loadError;
    private readonly Refusals refusals = new(snackbar, errorText);

    [Parameter, EditorRequired] public long ClubId { get; set; }
    [Parameter, EditorRequired] public ClubRole CallerRole { get; set; }

    private bool CanRefund => RolePolicy.CanRefundPayments(CallerRole);

    private IEnumerable<ClubPaymentRow> Shown =>
        list?.Orders.Where(o => statusFilter is null || o.Status == statusFilter) ?? [];

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task OnAllTermsChangedAsync(bool value)
    {
        allTerms = value;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        loading = true;
        loadError = await refusals.MessageOfAsync(async () => list = await payments.ListAsync(ClubId, allTerms));
        loading = false;
    }

    private async Task RefundAsync(ClubPaymentRow row)
    {
        var amount = common["Won", row.Amount].Value;
        var reason = await dialogs.AskReasonAsync(text["RefundTitle"], text["RefundBody", row.MemberName, amount], text["RefundReasonLabel"],
            text["Refund"], AdminRefund.ReasonMaxLength, "refund");
        if (reason is null) return;
        if (await refusals.OrSnackbarAsync(() => adminRefund.RefundAsync(ClubId, row.OrderId, reason)))
            snackbar.Add(text["Refunded", row.MemberName, amount], Severity.Success);
        await LoadAsync();
    }

    private string StatusText(OrderStatus status) => text[$"Status_{status}"];

    private static Color ColorOf(OrderStatus status) => status switch
    {
        OrderStatus.Completed => Color.Success,
        OrderStatus.Refunded => Color.Warning,
        OrderStatus.Failed or OrderStatus.Expired => Color.Error,
        _ => Color.Default,
    };

}
