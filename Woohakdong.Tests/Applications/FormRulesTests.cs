using Woohakdong.Core.Applications;
using Woohakdong.Core.Common;
using Woohakdong.Core.Joining;

namespace Woohakdong.Tests.Applications;

/// <summary>The form's rules alone: question shapes, and what editing a form that already has answers may change.</summary>
public sealed class FormRulesTests
{
    private static FormQuestion Existing(long id, QuestionType type = QuestionType.ShortText) =>
        new() { Id = id, Type = type, Title = $"질문{id}", Options = type.IsChoice() ? ["가", "나"] : [] };

    private static QuestionInput Short(long? id, string title = "이름", bool required = true) => new(id, QuestionType.ShortText, title, "", required, null);

    [Fact]
    public void A_new_form_keeps_the_questions_in_order_trimmed()
    {
        var plan = FormRules.Plan([], new HashSet<long>(), [Short(null, "  동기  "), new(null, QuestionType.MultiChoice, "요일", null, false, [" 월 ", "화"])]);

        Assert.Equal(["동기", "요일"], plan.Questions.Select(q => q.Title));
        Assert.Equal(["월", "화"], plan.Questions[1].Options);
        Assert.Empty(plan.Deleted);
    }

    [Theory]
    [InlineData(QuestionType.SingleChoice, new string[0])]
    [InlineData(QuestionType.MultiChoice, new[] { "월", "월" })]
    [InlineData(QuestionType.SingleChoice, new[] { "" })]
    [InlineData(QuestionType.ShortText, new[] { "월" })]
    public void Options_must_fit_the_type(QuestionType type, string[] options)
    {
        var error = Assert.Throws<AppException>(() => FormRules.Plan([], new HashSet<long>(), [new(null, type, "질문", "", false, options)]));
        Assert.Equal((ErrorCodes.QuestionOptionsInvalid, "questions[0].options"), (error.Code, error.Field));
    }

    [Fact]
    public void A_question_needs_a_title_of_at_most_200_characters()
    {
        Assert.Equal(ErrorCodes.QuestionTitleRequired, Assert.Throws<AppException>(() => FormRules.Plan([], new HashSet<long>(), [Short(null, " ")])).Code);
        Assert.Equal(ErrorCodes.QuestionTitleTooLong,
            Assert.Throws<AppException>(() => FormRules.Plan([], new HashSet<long>(), [Short(null, new string('가', 201))])).Code);
    }

    [Fact]
    public void More_than_thirty_questions_are_refused() =>
        Assert.Equal(ErrorCodes.TooManyQuestions,
            Assert.Throws<AppException>(() => FormRules.Plan([], new HashSet<long>(), [.. Enumerable.Range(0, 31).Select(i => Short(null))])).Code);

    [Fact]
    public void A_form_with_answers_gains_optional_questions_and_fixes_typos()
    {
        var plan = FormRules.Plan([Existing(1)], new HashSet<long> { 1 }, [Short(1, "고친 제목", required: false), Short(null, "새 질문", required: false)]);

        Assert.Equal([1L, 0L], plan.Questions.Select(q => q.Id ?? 0));
        Assert.Equal("고친 제목", plan.Questions[0].Title);
    }

    [Fact]
    public void A_question_with_answers_cannot_change_type()
    {
        var error = Assert.Throws<AppException>(() => FormRules.Plan(
            [Existing(1)], new HashSet<long> { 1 }, [new(1, QuestionType.LongText, "질문1", "", true, null)]));
        Assert.Equal((ErrorKind.Conflict, ErrorCodes.QuestionHasAnswers), (error.Kind, error.Code));
    }

    [Fact]
    public void A_question_without_answers_may_change_type_or_go()
    {
        var plan = FormRules.Plan([Existing(1), Existing(2)], new HashSet<long>(), [new(1, QuestionType.LongText, "질문1", "", true, null)]);

        Assert.Equal(QuestionType.LongText, plan.Questions[0].Type);
        Assert.Equal([2L], plan.Deleted);
    }

    [Fact]
    public void A_question_with_answers_cannot_be_deleted()
    {
        var error = Assert.Throws<AppException>(() => FormRules.Plan([Existing(1), Existing(2)], new HashSet<long> { 2 }, [Short(1)]));
        Assert.Equal((ErrorCodes.QuestionHasAnswers, "question:2"), (error.Code, error.Field));
    }

    [Fact]
    public void Another_forms_question_id_is_refused() =>
        Assert.Equal(ErrorCodes.QuestionNotFound, Assert.Throws<AppException>(() => FormRules.Plan([Existing(1)], new HashSet<long>(), [Short(99)])).Code);

    [Fact]
    public void The_period_must_end_after_it_starts()
    {
        var opens = DateTimeOffset.UtcNow;
        var error = Assert.Throws<AppException>(() => Recruitment.ValidatePeriod(opens, opens.AddDays(-1)));
        Assert.Equal((ErrorKind.Validation, ErrorCodes.RecruitmentPeriodInvalid), (error.Kind, error.Code));
        Assert.Equal(ErrorCodes.RecruitmentPeriodInvalid, Assert.Throws<AppException>(() => Recruitment.ValidatePeriod(opens, opens)).Code);
        Recruitment.ValidatePeriod(opens, null);
        Recruitment.ValidatePeriod(null, opens);
    }
}
