using Microsoft.AspNetCore.Components;
using Woohakdong.Core.Applications;
using Woohakdong.Core.Common;

namespace Woohakdong.Web.Components.Pages.Applications;

/// <summary>A group's applications for its officers, oldest first; decisions go through <see cref="Decisions"/>.</summary>
public partial class ReviewQueue(ApplicationQueries queries, Decisions decisions)
{
    private readonly HashSet<long> selected = [];
    private IReadOnlyList<ApplicationView>? applications;
    private ApplicationStatus? status;
    private string search = "";
    private long? open;
    private string? notice;

    [Parameter, EditorRequired] public long GroupId { get; set; }
    [Parameter, EditorRequired] public long ClubId { get; set; }

    protected override Task OnParametersSetAsync() => ReloadAsync();

    private async Task ReloadAsync() => applications = await queries.QueueAsync(GroupId, status, search);

    private async Task FilterAsync(ApplicationStatus? value)
    {
        status = value;
        selected.Clear();
        await ReloadAsync();
    }

    private async Task SearchAsync(string? value)
    {
        search = value ?? "";
        await ReloadAsync();
    }

    private void Select(long id, bool on)
    {
        if (on) selected.Add(id);
        else selected.Remove(id);
    }

    private void Open(long id) => open = open == id ? null : id;

    private async Task DecideSelectedAsync(Decision decision)
    {
        var outcomes = await decisions.DecideManyAsync([.. selected], decision, message: null);
        var refused = outcomes.Where(o => o.Code is not null).ToList();
        notice = refused.Count == 0
            ? T["Decided", outcomes.Count]
            : T["SomeRefused", refused.Count, string.Join(", ", refused.Select(o => Errors[o.Code!].Value).Distinct())];
        selected.Clear();
        await ReloadAsync();
    }
}
