using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Woohakdong.Core.Clubs;
using Woohakdong.Core.Common;
using Woohakdong.Core.Items;
using Woohakdong.Core.Membership;
using Woohakdong.Web.Components.Shared;

namespace Woohakdong.Web.Components.Pages.Items;

/// <summary>
/// One item: its images, details and loan history. Members borrow it; the borrower (or an officer) returns it with an
/// optional photo; officers edit it, take it out of service and delete it.
/// </summary>
public partial class ItemPage(
    ItemQueries queries, BorrowItem borrow, EditItem edit, DeleteItem delete, ICurrentUser currentUser, TimeProvider time,
    IDialogService dialogs, ClubQueries clubs, ClubAccess access, NavigationManager navigation, ISnackbar snackbar,
    IStringLocalizer<ItemText> text, IStringLocalizer<ErrorMessages> errorText)
    : ClubItemsPage(clubs, access, currentUser, navigation)
{
    private readonly Refusals refusals = new(snackbar, errorText);
    private ItemDetail? item;
    private string? notice;
    private string? refusal;
    private bool busy;

    [Parameter] public long ItemId { get; set; }

    private ItemDetail Shown => item!;

    private LoanView? OpenLoan => item?.Loans.FirstOrDefault(loan => loan.ReturnedAt is null);

    private bool CanReturn => OpenLoan is { } loan && (loan.BorrowerId == UserId || IsOfficer);

    private DateOnly DueIfBorrowedToday => ItemRules.DueOn(time.Today(), item!.MaxLoanDays);

    protected override async Task LoadAsync()
    {
        (notice, refusal) = (null, null);
        item = await queries.GetAsync(Club!.Id, ItemId);
    }

    /// <summary>An item deleted meanwhile sends the caller back to the list.</summary>
    private async Task ReloadAsync()
    {
        try
        {
            item = await queries.GetAsync(Club!.Id, ItemId);
        }
        catch (AppException gone) when (gone.Kind == ErrorKind.NotFound)
        {
            Navigation.NavigateTo(ItemsPath);
        }
    }

    /// <summary>Runs an action; its refusal is shown on the page, and the item is read again either way.</summary>
    private async Task ActAsync(Func<Task<string?>> action)
    {
        (busy, notice, refusal) = (true, null, null);
        try
        {
            refusal = await refusals.MessageOfAsync(async () => notice = await action());
            await ReloadAsync();
        }
        finally
        {
            busy = false;
        }
    }

    // Someone else may have borrowed it since the page was read: ITEM_ON_LOAN is shown and the item shows who has it.
    private Task BorrowAsync() => ActAsync(async () =>
    {
        var loan = await borrow.BorrowAsync(Club!.Id, ItemId);
        return text["Borrowed", KstText.Day(loan.DueOn)];
    });

    private async Task ReturnAsync()
    {
        var parameters = new DialogParameters<ReturnDialog> { { d => d.ClubId, Club!.Id }, { d => d.ItemId, ItemId } };
        var dialog = await dialogs.ShowAsync<ReturnDialog>(text["ReturnTitle", item!.Name], parameters);
        if (await dialog.Result is not { Canceled: false }) return;
        (notice, refusal) = (text["Returned"], null);
        await ReloadAsync();
    }

    private Task ToggleUnavailableAsync() => ActAsync(async () =>
    {
        await edit.SetUnavailableAsync(Club!.Id, ItemId, !item!.Unavailable);
        return item.Unavailable ? text["MarkedAvailable"] : text["MarkedUnavailable"];
    });

    private async Task DeleteAsync()
    {
        if (!await dialogs.ConfirmAsync(text["DeleteTitle"], text["DeleteBody", item!.Name], text["Delete"], Color.Error)) return;
        var message = await refusals.MessageOfAsync(() => delete.DeleteAsync(Club!.Id, ItemId));
        if (message is null)
        {
            snackbar.Add(text["Deleted", item.Name], Severity.Success);
            Navigation.NavigateTo(ItemsPath);
            return;
        }
        (notice, refusal) = (null, message);
        await ReloadAsync();
    }
}
