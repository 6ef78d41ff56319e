using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Woohakdong.Core.Common;
using Woohakdong.Core.Ledger;
using Woohakdong.Core.Membership;
using Woohakdong.Web.Components.Shared;

namespace Woohakdong.Web.Components.Pages.Ledger;

/// <summary>
/// Reads a term of the book through <see cref="LedgerBook"/>, which decides who may; the dashboard adds its tools beside
/// the term picker and its actions on each entry, offered only when Core says the caller may write.
/// </summary>
public partial class LedgerBookPanel(LedgerBook ledger, ISnackbar snackbar, IStringLocalizer<ErrorMessages> errorText)
{
    private readonly Refusals refusals = new(snackbar, errorText);
    private IReadOnlyList<Term> terms = [];
    private LedgerBookView? book;
    private string? termKey;
    private string? loadError;
    private bool loading;

    [Parameter, EditorRequired] public long ClubId { get; set; }

    /// <summary>Shown beside the term picker once a term is read.</summary>
    [Parameter] public RenderFragment<LedgerBookView>? Tools { get; set; }

    /// <summary>A column of actions on each entry, for callers who may write.</summary>
    [Parameter] public RenderFragment<LedgerEntryView>? Actions { get; set; }

    private bool ShowActions => Actions is not null && book?.CanWrite == true;

    /// <summary>Core lists a term oldest first, as a ledger is written; readers want the latest on top.</summary>
    private IEnumerable<LedgerEntryView> Newest => book?.Entries.Reverse() ?? [];

    protected override async Task OnInitializedAsync()
    {
        loadError = await refusals.MessageOfAsync(async () => terms = await ledger.TermsAsync(ClubId));
        if (loadError is null) await ReloadAsync();
    }

    private Task OnTermChangedAsync(string key) => ReloadAsync(key);

    /// <summary>Reads the book again, of <paramref name="term"/> when given (the term an entry was just recorded in).</summary>
    public async Task ReloadAsync(string? term = null)
    {
        termKey = term ?? termKey;
        loading = true;
        loadError = await refusals.MessageOfAsync(async () =>
        {
            book = await ledger.GetAsync(ClubId, termKey);
            termKey = book.TermKey;
        });
        loading = false;
        StateHasChanged();
    }
}
