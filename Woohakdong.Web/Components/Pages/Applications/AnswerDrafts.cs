using Woohakdong.Core.Applications;

namespace Woohakdong.Web.Components.Pages.Applications;

/// <summary>What the student is typing, per question; becomes the answers the service checks.</summary>
public sealed class AnswerDrafts
{
    private readonly Dictionary<long, Draft> drafts = [];

    public sealed class Draft
    {
        public string Text { get; set; } = "";
        public List<string> Choices { get; } = [];
    }

    public Draft For(long questionId) => drafts.TryGetValue(questionId, out var draft) ? draft : drafts[questionId] = new Draft();

    public static AnswerDrafts From(IEnumerable<AnswerView> answers)
    {
        var result = new AnswerDrafts();
        foreach (var answer in answers)
        {
            var draft = result.For(answer.QuestionId);
            draft.Text = answer.Text;
            draft.Choices.AddRange(answer.Choices);
        }
        return result;
    }

    public IReadOnlyList<AnswerInput> ToInputs(IEnumerable<QuestionView> questions) =>
        [.. questions.Select(q => q.Type.IsChoice() ? new AnswerInput(q.Id, null, [.. For(q.Id).Choices]) : new AnswerInput(q.Id, For(q.Id).Text, null))];
}
