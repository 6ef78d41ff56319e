using Microsoft.AspNetCore.Components;
using Woohakdong.Core.Applications;
using Woohakdong.Core.Common;
using Woohakdong.Core.Joining;

namespace Woohakdong.Web.Components.Pages.Applications;

/// <summary>
/// Edits a group's form. A question with answers shows no delete and no type picker (the service refuses both with
/// QUESTION_HAS_ANSWERS); it offers 비필수로 instead. Days are KST: opens at 00:00 of the first day, closes at 24:00 of the last.
/// </summary>
public partial class FormBuilder(ApplicationForms forms)
{
    internal sealed class QuestionDraft
    {
        public long? Id { get; init; }
        public QuestionType Type { get; set; }
        public string Title { get; set; } = "";
        public string Description { get; set; } = "";
        public bool Required { get; set; }
        public string OptionsText { get; set; } = "";
        public bool Answered { get; init; }

        public IReadOnlyList<string> Options => Type.IsChoice()
            ? [.. OptionsText.Split('\n').Select(o => o.Trim()).Where(o => o.Length > 0)]
            : [];

        public static QuestionDraft Of(QuestionView q) => new()
        {
            Id = q.Id, Type = q.Type, Title = q.Title, Description = q.Description, Required = q.Required,
            OptionsText = string.Join('\n', q.Options), Answered = q.Answered,
        };
    }

    private readonly List<QuestionDraft> questions = [];
    private JoinPolicy policy;
    private DateTime? opensOn;
    private DateTime? closesOn;
    private bool previewing;
    private bool saving;
    private string? error;

    [Parameter, EditorRequired] public long GroupId { get; set; }
    [Parameter] public EventCallback<FormView> OnSaved { get; set; }

    private IReadOnlyList<QuestionView> Preview =>
    [
        .. questions.Select((q, i) => new QuestionView(q.Id ?? -(i + 1), q.Type, q.Title, q.Description, q.Required, q.Options, q.Answered)),
    ];

    private long loadedGroupId;

    /// <summary>Loads once per group: a parent's re-render must not wipe questions the officer has not saved yet.</summary>
    protected override async Task OnParametersSetAsync()
    {
        if (loadedGroupId == GroupId) return;
        Load(await forms.GetAsync(GroupId));
        loadedGroupId = GroupId;
    }

    private void Load(FormView form)
    {
        policy = form.Policy;
        opensOn = form.OpensAt?.ToKst().Date;
        closesOn = form.ClosesAt is { } closes ? closes.ToKst().AddTicks(-1).Date : null;
        questions.Clear();
        questions.AddRange(form.Questions.Select(QuestionDraft.Of));
    }

    private void Add() => questions.Add(new QuestionDraft { Type = QuestionType.ShortText });

    private void Move(int index, int by)
    {
        var question = questions[index];
        questions.RemoveAt(index);
        questions.Insert(index + by, question);
    }

    private async Task SaveAsync()
    {
        saving = true;
        error = null;
        try
        {
            var input = new FormInput(policy, StartOf(opensOn), StartOf(closesOn?.AddDays(1)),
                [.. questions.Select(q => new QuestionInput(q.Id, q.Type, q.Title, q.Description, q.Required, q.Options))]);
            var saved = await forms.SaveAsync(GroupId, input);
            Load(saved);
            await OnSaved.InvokeAsync(saved);
        }
        catch (AppException refusal)
        {
            error = refusal.Code;
        }
        finally
        {
            saving = false;
        }
    }

    private static DateTimeOffset? StartOf(DateTime? day) =>
        day is { } d ? new DateTimeOffset(d.Year, d.Month, d.Day, 0, 0, 0, KoreanTime.Offset) : null;
}
