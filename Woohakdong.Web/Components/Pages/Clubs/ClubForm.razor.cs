using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Woohakdong.Core.Clubs;
using Woohakdong.Core.Common;
using Woohakdong.Web.Components.Shared;

namespace Woohakdong.Web.Components.Pages.Clubs;

public partial class ClubForm(ClubService clubs, ISnackbar snackbar, IStringLocalizer<ErrorMessages> errorText)
{
    private static readonly HashSet<string> Fields = ["name", "englishName", "description", "room", "chatLink", "fee", "seatLimit"];

    private readonly Dictionary<string, string> errors = [];
    private ClubFormModel model = new();
    private ClubView? loadedClub;
    private string? generalError;
    private bool saving;

    /// <summary>The club to edit; null to create a new one.</summary>
    [Parameter] public ClubView? Club { get; set; }

    /// <summary>Called with the club as saved (created or updated).</summary>
    [Parameter] public EventCallback<ClubView> OnSaved { get; set; }

    private string UrlPreview => string.IsNullOrWhiteSpace(model.EnglishName) ? "…" : model.EnglishName.Trim().ToLowerInvariant();

    protected override void OnParametersSet()
    {
        // Only a different or changed club (e.g. its fee saved in 모집 설정) resets the form: a parent's re-render
        // with the same values must not wipe what the user is typing.
        if (Club is null || Club == loadedClub) return;
        model = ClubFormModel.From(Club);
        loadedClub = Club;
    }

    private bool Has(string field) => errors.ContainsKey(field);

    private string? ErrorFor(string field) => errors.GetValueOrDefault(field);

    private void Clear(string field) => errors.Remove(field);

    private async Task SubmitAsync()
    {
        snackbar.ClearSaved();
        errors.Clear();
        generalError = null;
        var (input, problems) = ClubRules.Check(model.ToInput());
        foreach (var problem in problems) errors.TryAdd(problem.Field, errorText[problem.Code]);
        if (errors.Count > 0) return;

        saving = true;
        try
        {
            var saved = Club is null ? await clubs.CreateAsync(input) : await clubs.UpdateAsync(Club.Id, input);
            await OnSaved.InvokeAsync(saved);
        }
        catch (AppException e) when (e.Field is not null && Fields.Contains(e.Field))
        {
            errors[e.Field] = errorText[e.Code];
        }
        catch (AppException e)
        {
            generalError = errorText[e.Code];
        }
        finally
        {
            saving = false;
        }
    }
}
