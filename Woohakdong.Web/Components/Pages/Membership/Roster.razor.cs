using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Woohakdong.Core.Common;
using Woohakdong.Core.Membership;
using Woohakdong.Web.Components.Shared;

namespace Woohakdong.Web.Components.Pages.Membership;

public partial class Roster(
    RosterService roster, MemberManagement management, IDialogService dialogs, ISnackbar snackbar, TimeProvider time,
    IStringLocalizer<MembershipText> text, IStringLocalizer<RoleText> roleText, IStringLocalizer<ErrorMessages> errorText)
{
    private IReadOnlyList<Term> terms = [];
    private IReadOnlyList<RosterEntry> entries = [];
    private string? termKey;
    private string? search;
    private ClubRole? role;
    private string? loadError;
    private readonly Refusals refusals = new(snackbar, errorText);
    private bool loading;

    [Parameter, EditorRequired] public long ClubId { get; set; }
    [Parameter, EditorRequired] public ClubRole CallerRole { get; set; }

    /// <summary>Raised when an action here changed the caller's own role (a handover).</summary>
    [Parameter] public EventCallback OnCallerRoleChanged { get; set; }

    private bool IsPresident => RolePolicy.CanManageMembers(CallerRole);

    /// <summary>출석률 shows once the club has events in the term (every row has it then).</summary>
    private bool HasAttendance => entries.Any(e => e.Attendance is not null);

    /// <summary>Management applies to this term's roster only: past terms are a record.</summary>
    private bool CanManage => IsPresident && termKey == Term.Current(time).Key;

    protected override async Task OnInitializedAsync()
    {
        termKey = Term.Current(time).Key;
        loadError = await refusals.MessageOfAsync(async () => terms = await roster.TermsAsync(ClubId));
        if (loadError is null) await LoadAsync();
    }

    private async Task OnTermChangedAsync(string key)
    {
        termKey = key;
        await LoadAsync();
    }

    private async Task OnSearchChangedAsync(string? value)
    {
        search = value;
        await LoadAsync();
    }

    private async Task OnRoleChangedAsync(ClubRole? value)
    {
        role = value;
        await LoadAsync();
    }

    /// <summary>Tappable on a phone: the digits (and a leading +) of the number as the member typed it.</summary>
    private static string PhoneLink(string phone) => "tel:" + string.Concat(phone.Where((c, i) => char.IsAsciiDigit(c) || (c == '+' && i == 0)));

    private async Task LoadAsync()
    {
        loading = true;
        loadError = await refusals.MessageOfAsync(async () => entries = await roster.GetAsync(ClubId, new RosterQuery(termKey, search, role)));
        loading = false;
    }

    private async Task ChangeRoleAsync((RosterEntry Entry, ClubRole Role) change)
    {
        if (await refusals.OrSnackbarAsync(() => management.ChangeRoleAsync(ClubId, change.Entry.MembershipId, change.Role)))
            snackbar.Add(text["RoleChanged", change.Entry.Name, roleText[change.Role.ToString()]], Severity.Success);
        await LoadAsync();
    }

    private async Task RemoveAsync(RosterEntry entry)
    {
        if (!await dialogs.ConfirmAsync(text["RemoveTitle"], text["RemoveBody", entry.Name], text["Remove"], Color.Error)) return;
        if (await refusals.OrSnackbarAsync(() => management.RemoveAsync(ClubId, entry.MembershipId)))
            snackbar.Add(text["Removed", entry.Name], Severity.Success);
        await LoadAsync();
    }

    private async Task HandOverAsync(RosterEntry entry)
    {
        if (!await dialogs.ConfirmAsync(text["HandOverTitle"], text["HandOverBody", entry.Name], text["HandOver"], Color.Primary)) return;
        if (await refusals.OrSnackbarAsync(() => management.HandOverPresidencyAsync(ClubId, entry.MembershipId)))
        {
            snackbar.Add(text["HandedOver", entry.Name], Severity.Success);
            await OnCallerRoleChanged.InvokeAsync();
        }
        await LoadAsync();
    }
}
