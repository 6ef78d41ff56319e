using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;
using Woohakdong.Core.Exports;
using Woohakdong.Core.Membership;

namespace Woohakdong.Web.Components.Pages.Exports;

/// <summary>
/// The Excel and CSV links of export <see cref="Name"/> at the cookie route <c>/exports/clubs/{clubId}/{name}</c>. Shown
/// when an export of that name exists and allows the caller's role; the route checks the role again.
/// </summary>
public partial class ExportButtons(ClubAccess access, IEnumerable<IExportDefinition> definitions)
{
    private long? roleOfClub;
    private ClubRole? role;

    [Parameter, EditorRequired] public long ClubId { get; set; }

    /// <summary>roster, payments, ledger, applications…</summary>
    [Parameter, EditorRequired] public string Name { get; set; } = "";

    /// <summary>The screen's term key; the current term when null.</summary>
    [Parameter] public string? Term { get; set; }

    /// <summary>The screen's status filter as /v1 spells it (COMPLETED), if any.</summary>
    [Parameter] public string? Status { get; set; }

    /// <summary>The screen's role filter as /v1 spells it (VICE_PRESIDENT), if any.</summary>
    [Parameter] public string? Role { get; set; }

    private bool Allowed => definitions.FirstOrDefault(d => d.Name == Name) is { } definition && definition.IsAllowed(role);

    protected override async Task OnParametersSetAsync()
    {
        // Filters change often; the caller's role only with the club.
        if (roleOfClub == ClubId) return;
        role = await access.RoleAsync(ClubId);
        roleOfClub = ClubId;
    }

    private string Link(string format)
    {
        var query = new Dictionary<string, string?> { ["format"] = format, ["term"] = Term, ["status"] = Status, ["role"] = Role }
            .Where(p => !string.IsNullOrEmpty(p.Value));
        return QueryHelpers.AddQueryString($"/exports/clubs/{ClubId}/{Uri.EscapeDataString(Name)}", query);
    }
}
