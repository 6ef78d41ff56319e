using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Woohakdong.Core.Common;
using Woohakdong.Core.Ledger;
using Woohakdong.Core.Storage;
using Woohakdong.Web.Components.Pages.Items;
using Woohakdong.Web.Components.Shared;

namespace Woohakdong.Web.Components.Pages.Ledger;

/// <summary>
/// Records a manual entry through <see cref="RecordEntry"/>, which checks the role, the amount, the date and each receipt;
/// the form only keeps the category to those the kind allows and shows Core's refusal as text.
/// </summary>
public partial class LedgerEntryForm(
    RecordEntry record, ImageUploadService uploads, TimeProvider time, ISnackbar snackbar, IStringLocalizer<LedgerText> text,
    IStringLocalizer<ErrorMessages> errorText)
{
    private readonly Refusals refusals = new(snackbar, errorText);
    private ImageUploader uploader = null!;
    private LedgerKind kind = LedgerKind.Expense;
    private LedgerCategory category = LedgerCategory.Food;
    private string? date;
    private long? amount;
    private string? memo;
    private string? error;
    private bool saving;

    [Parameter, EditorRequired] public long ClubId { get; set; }
    [Parameter] public EventCallback<LedgerEntryView> OnSaved { get; set; }
    [Parameter] public EventCallback OnCancel { get; set; }

    private IEnumerable<LedgerCategory> Categories => Enum.GetValues<LedgerCategory>().Where(c => LedgerRules.IsAllowed(kind, c));

    protected override void OnInitialized() => date = KstText.Day(time.Today());

    private void OnKindChanged(LedgerKind value)
    {
        kind = value;
        if (!LedgerRules.IsAllowed(kind, category)) category = Categories.First();
    }

    private Task<IReadOnlyList<UploadUrl>> RequestUrlsAsync(IReadOnlyList<string> contentTypes) => uploads.RequestAsync(ClubId, contentTypes);

    private async Task SaveAsync()
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            error = text["DateRequired"];
            return;
        }
        saving = true;
        error = null;
        // The uploader says itself which receipt failed.
        var receipts = await uploader.UploadAsync();
        LedgerEntryView? saved = null;
        if (receipts is not null)
            error = await refusals.MessageOfAsync(async () =>
                saved = await record.RecordAsync(ClubId, new LedgerEntryInput(day, kind, category, amount ?? 0, memo, receipts)));
        saving = false;
        if (saved is not null) await OnSaved.InvokeAsync(saved);
    }
}
