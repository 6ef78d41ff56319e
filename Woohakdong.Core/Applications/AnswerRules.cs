using Woohakdong.Core.Common;

namespace Woohakdong.Core.Applications;

/// <summary>One answer as the student sends it: <see cref="Text"/> for a text question, <see cref="Choices"/> for a choice one.</summary>
public sealed record AnswerInput(long QuestionId, string? Text, IReadOnlyList<string>? Choices);

/// <summary>
/// Checks a set of answers against the form: each names one of its questions (INVALID_ANSWER otherwise), a required question
/// is answered (ANSWER_REQUIRED), a choice is one offered, a single choice is one, texts fit (short 200, long 5,000) and hold
/// no control characters. Every refusal names the question as <c>question:{id}</c>.
/// </summary>
public static class AnswerRules
{
    public const int ShortTextMaxLength = 200;
    public const int LongTextMaxLength = 5_000;
    public const int MessageMaxLength = 1_000;
    public const int MemoMaxLength = 2_000;

    public static string Field(long questionId) => $"question:{questionId}";

    /// <summary>The answers to store, in form order; unanswered optional questions are left out.</summary>
    public static List<ApplicationAnswer> Validate(IReadOnlyList<FormQuestion> questions, IReadOnlyList<AnswerInput> answers)
    {
        var byQuestion = new Dictionary<long, AnswerInput>();
        foreach (var answer in answers)
            if (!questions.Any(q => q.Id == answer.QuestionId) || !byQuestion.TryAdd(answer.QuestionId, answer))
                throw AppException.Validation(ErrorCodes.InvalidAnswer, Field(answer.QuestionId));
        var stored = new List<ApplicationAnswer>();
        foreach (var question in questions.OrderBy(q => q.Position))
        {
            var answer = byQuestion.GetValueOrDefault(question.Id);
            var (text, choices) = question.Type.IsChoice() ? ("", Choices(question, answer)) : (Text(question, answer), []);
            if (text.Length == 0 && choices.Count == 0)
            {
                if (question.Required) throw AppException.Validation(ErrorCodes.AnswerRequired, Field(question.Id));
                continue;
            }
            stored.Add(new ApplicationAnswer { QuestionId = question.Id, Text = text, Choices = choices });
        }
        return stored;
    }

    private static string Text(FormQuestion question, AnswerInput? answer)
    {
        if (answer?.Choices is { Count: > 0 }) throw AppException.Validation(ErrorCodes.InvalidAnswer, Field(question.Id));
        var shape = question.Type == QuestionType.LongText ? TextShape.MultiLine : TextShape.SingleLine;
        var text = TextRules.Normalize(answer?.Text, shape, Field(question.Id));
        var max = question.Type == QuestionType.LongText ? LongTextMaxLength : ShortTextMaxLength;
        return text.Length <= max ? text : throw AppException.Validation(ErrorCodes.AnswerTooLong, Field(question.Id));
    }

    private static List<string> Choices(FormQuestion question, AnswerInput? answer)
    {
        if (!string.IsNullOrEmpty(answer?.Text)) throw AppException.Validation(ErrorCodes.InvalidAnswer, Field(question.Id));
        var choices = (answer?.Choices ?? []).ToList();
        var valid = choices.All(question.Options.Contains) && choices.Distinct(StringComparer.Ordinal).Count() == choices.Count
            && (question.Type == QuestionType.MultiChoice || choices.Count <= 1);
        return valid ? choices : throw AppException.Validation(ErrorCodes.InvalidAnswer, Field(question.Id));
    }
}
