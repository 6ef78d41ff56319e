using Woohakdong.Core.Common;

namespace Woohakdong.Core.Applications;

/// <summary>A question as an officer sends it; no <see cref="Id"/> is a new question.</summary>
public sealed record QuestionInput(long? Id, QuestionType Type, string? Title, string? Description, bool Required, IReadOnlyList<string>? Options);

/// <summary>What saving a form does: the questions in order (normalized) and the ids of those to delete.</summary>
public sealed record FormPlan(IReadOnlyList<QuestionInput> Questions, IReadOnlyList<long> Deleted);

/// <summary>
/// The rules of an application form. A form that already has answers can gain questions and fix texts, but a question with
/// answers can neither be deleted nor change type (QUESTION_HAS_ANSWERS): old answers must keep meaning what they meant.
/// The builder hides delete and the type picker for such a question and offers making it optional (비필수로) instead.
/// </summary>
public static class FormRules
{
    public const int MaxQuestions = 30;
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 1_000;
    public const int MaxOptions = 20;
    public const int OptionMaxLength = 100;

    public static FormPlan Plan(IReadOnlyCollection<FormQuestion> existing, IReadOnlySet<long> answered, IReadOnlyList<QuestionInput> input)
    {
        if (input.Count > MaxQuestions) throw AppException.Validation(ErrorCodes.TooManyQuestions, "questions");
        var byId = existing.ToDictionary(q => q.Id);
        var kept = new HashSet<long>();
        var questions = new List<QuestionInput>();
        for (var i = 0; i < input.Count; i++)
        {
            var question = Normalize(input[i], $"questions[{i}]");
            if (question.Id is { } id)
            {
                if (!byId.TryGetValue(id, out var current) || !kept.Add(id))
                    throw AppException.Validation(ErrorCodes.QuestionNotFound, $"questions[{i}].id");
                if (current.Type != question.Type && answered.Contains(id))
                    throw AppException.Conflict(ErrorCodes.QuestionHasAnswers, $"questions[{i}].type");
            }
            questions.Add(question);
        }
        var deleted = existing.Select(q => q.Id).Where(id => !kept.Contains(id)).ToList();
        if (deleted.FirstOrDefault(answered.Contains) is var inUse and > 0)
            throw AppException.Conflict(ErrorCodes.QuestionHasAnswers, $"question:{inUse}");
        return new FormPlan(questions, deleted);
    }

    /// <summary>Trimmed title, description and options; throws the first problem, naming <paramref name="field"/>.</summary>
    public static QuestionInput Normalize(QuestionInput question, string field)
    {
        var title = TextRules.Normalize(question.Title, TextShape.SingleLine, $"{field}.title");
        if (title.Length == 0) throw AppException.Validation(ErrorCodes.QuestionTitleRequired, $"{field}.title");
        if (title.Length > TitleMaxLength) throw AppException.Validation(ErrorCodes.QuestionTitleTooLong, $"{field}.title");
        var description = TextRules.Normalize(question.Description, TextShape.MultiLine, $"{field}.description");
        if (description.Length > DescriptionMaxLength) throw AppException.Validation(ErrorCodes.QuestionDescriptionTooLong, $"{field}.description");
        var options = (question.Options ?? []).Select(o => TextRules.Normalize(o, TextShape.SingleLine, $"{field}.options")).ToList();
        var valid = question.Type.IsChoice()
            ? options.Count is > 0 and <= MaxOptions && options.All(o => o.Length is > 0 and <= OptionMaxLength)
              && options.Distinct(StringComparer.Ordinal).Count() == options.Count
            : options.Count == 0;
        if (!valid) throw AppException.Validation(ErrorCodes.QuestionOptionsInvalid, $"{field}.options");
        return question with { Title = title, Description = description, Options = options };
    }
}
