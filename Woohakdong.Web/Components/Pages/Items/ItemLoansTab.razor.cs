using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Woohakdong.Core.Common;
using Woohakdong.Core.Items;
using Woohakdong.Core.Membership;
using Woohakdong.Web.Components.Shared;

namespace Woohakdong.Web.Components.Pages.Items;

/// <summary>Officers' view of the club's loans; members to look up are this term's roster.</summary>
public partial class ItemLoansTab(LoanQueries loans, RosterService roster, ISnackbar snackbar, IStringLocalizer<ErrorMessages> errorText)
{
    private readonly Refusals refusals = new(snackbar, errorText);
    private IReadOnlyList<LoanView> current = [];
    private IReadOnlyList<RosterEntry> members = [];
    private IReadOnlyList<LoanView> history = [];
    private Guid? memberId;
    private string? loadError;

    [Parameter, EditorRequired] public long ClubId { get; set; }
    [Parameter, EditorRequired] public string EnglishName { get; set; } = "";

    private string ItemsPath => ItemPaths.List(EnglishName);

    private string ItemHref(LoanView loan) => ItemPaths.Item(EnglishName, loan.ItemId);

    protected override async Task OnParametersSetAsync() =>
        loadError = await refusals.MessageOfAsync(async () =>
        {
            current = await loans.CurrentAsync(ClubId);
            members = await roster.GetAsync(ClubId, new RosterQuery());
        });

    private async Task OnMemberChangedAsync(Guid? value)
    {
        memberId = value;
        history = [];
        if (value is { } id) await refusals.OrSnackbarAsync(async () => history = await loans.MemberHistoryAsync(ClubId, id));
    }
}
