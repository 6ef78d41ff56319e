using Woohakdong.Core.Applications;
using Woohakdong.Core.Common;

namespace Woohakdong.Tests.Applications;

/// <summary>Answers against a form: required, choices offered, lengths, control characters; each refusal names its question.</summary>
public sealed class AnswerRulesTests
{
    private static readonly FormQuestion Motive = new() { Id = 1, Position = 0, Type = QuestionType.ShortText, Title = "동기", Required = true };
    private static readonly FormQuestion About = new() { Id = 2, Position = 1, Type = QuestionType.LongText, Title = "소개" };
    private static readonly FormQuestion Part = new() { Id = 3, Position = 2, Type = QuestionType.SingleChoice, Title = "파트", Required = true, Options = ["기타", "드럼"] };
    private static readonly FormQuestion Days = new() { Id = 4, Position = 3, Type = QuestionType.MultiChoice, Title = "요일", Options = ["월", "화", "수"] };
    private static readonly IReadOnlyList<FormQuestion> Form = [Motive, About, Part, Days];

    private static AppException Refused(params AnswerInput[] answers) => Assert.Throws<AppException>(() => AnswerRules.Validate(Form, answers));

    private static (string Code, string? Field) Named(AppException error) => (error.Code, error.Field);

    [Fact]
    public void Complete_answers_are_kept_in_form_order_and_empty_optional_ones_left_out()
    {
        var stored = AnswerRules.Validate(Form, [new(4, null, ["화", "월"]), new(3, null, ["드럼"]), new(1, "  재밌어 보여서 ", null), new(2, "", null)]);

        Assert.Equal([1L, 3L, 4L], stored.Select(a => a.QuestionId));
        Assert.Equal("재밌어 보여서", stored[0].Text);
        Assert.Equal(["화", "월"], stored[2].Choices);
    }

    [Fact]
    public void A_missing_required_answer_names_its_question()
    {
        var error = Refused(new AnswerInput(1, "동기", null));
        Assert.Equal((ErrorKind.Validation, ErrorCodes.AnswerRequired, "question:3"), (error.Kind, error.Code, error.Field));
        Assert.Equal((ErrorCodes.AnswerRequired, "question:1"), Named(Refused(new AnswerInput(1, "   ", null), new(3, null, ["기타"]))));
    }

    [Fact]
    public void A_choice_not_offered_is_refused() =>
        Assert.Equal((ErrorCodes.InvalidAnswer, "question:3"), Named(Refused(new(1, "동기", null), new(3, null, ["바이올린"]))));

    [Fact]
    public void A_single_choice_takes_one_choice_and_no_choice_repeats()
    {
        Assert.Equal(ErrorCodes.InvalidAnswer, Refused(new(1, "동기", null), new(3, null, ["기타", "드럼"])).Code);
        Assert.Equal(ErrorCodes.InvalidAnswer, Refused(new(1, "동기", null), new(3, null, ["기타"]), new(4, null, ["월", "월"])).Code);
    }

    [Fact]
    public void An_answer_to_a_question_of_another_form_is_refused() =>
        Assert.Equal((ErrorCodes.InvalidAnswer, "question:99"), Named(Refused(new(1, "동기", null), new(3, null, ["기타"]), new(99, "x", null))));

    [Fact]
    public void Text_for_a_choice_and_choices_for_a_text_are_refused()
    {
        Assert.Equal(ErrorCodes.InvalidAnswer, Refused(new(1, "동기", null), new(3, "기타", null)).Code);
        Assert.Equal(ErrorCodes.InvalidAnswer, Refused(new(1, null, ["기타"]), new(3, null, ["기타"])).Code);
    }

    [Fact]
    public void Ten_thousand_characters_in_a_short_answer_are_refused_and_five_thousand_fit_a_long_one()
    {
        Assert.Equal((ErrorCodes.AnswerTooLong, "question:1"), Named(Refused(new(1, new string('가', 10_000), null), new(3, null, ["기타"]))));
        Assert.Single(AnswerRules.Validate(Form, [new(1, new string('가', 200), null), new(3, null, ["기타"]), new(2, new string('나', 5_000), null)]),
            a => a.QuestionId == 2);
        Assert.Equal(ErrorCodes.AnswerTooLong, Refused(new(1, "동기", null), new(3, null, ["기타"]), new(2, new string('나', 5_001), null)).Code);
    }

    [Fact]
    public void Control_characters_are_refused_and_a_long_answer_keeps_its_lines()
    {
        Assert.Equal((ErrorCodes.TextControlCharacter, "question:1"), Named(Refused(new(1, "동기\u0000", null), new(3, null, ["기타"]))));
        Assert.Equal(ErrorCodes.TextControlCharacter, Refused(new(1, "한 줄\n두 줄", null), new(3, null, ["기타"])).Code);
        Assert.Equal("첫 줄\n둘째 줄", AnswerRules.Validate(Form, [new(1, "동기", null), new(3, null, ["기타"]), new(2, "첫 줄\r\n둘째 줄", null)])[1].Text);
    }

    [Fact]
    public void Answering_a_question_twice_is_refused() =>
        Assert.Equal(ErrorCodes.InvalidAnswer, Refused(new(1, "동기", null), new(1, "또", null), new(3, null, ["기타"])).Code);
}
