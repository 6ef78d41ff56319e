using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Woohakdong.Core.Applications;
using Woohakdong.Tests.Joining.Pages;
using Woohakdong.Web.Components.Pages.Applications;

namespace Woohakdong.Tests.Applications.Pages;

/// <summary>The form as the student fills it: each type's input, and the answers it hands to the service.</summary>
public sealed class FormRendererTests : JoiningPageTest
{
    private static readonly IReadOnlyList<QuestionView> Questions =
    [
        new(1, QuestionType.ShortText, "지원 동기", "", true, [], false),
        new(2, QuestionType.LongText, "자기소개", "자유롭게 써 주세요", false, [], false),
        new(3, QuestionType.SingleChoice, "파트", "", true, ["기타", "드럼"], false),
        new(4, QuestionType.MultiChoice, "요일", "", false, ["월", "화", "수"], false),
    ];

    private IRenderedComponent<ContainerFragment> RenderForm(AnswerDrafts answers, bool readOnly = false) => Render(builder =>
    {
        builder.OpenComponent<MudPopoverProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent<FormRenderer>(1);
        builder.AddAttribute(2, nameof(FormRenderer.Questions), Questions);
        builder.AddAttribute(3, nameof(FormRenderer.Answers), answers);
        builder.AddAttribute(4, nameof(FormRenderer.ReadOnly), readOnly);
        builder.CloseComponent();
    });

    [Fact]
    public void Every_type_renders_with_its_title_description_and_required_mark()
    {
        var page = RenderForm(new AnswerDrafts());

        var questions = page.FindAll("[data-testid=form-question]");
        Assert.Equal(4, questions.Count);
        Assert.Contains("*", questions[0].TextContent);
        Assert.DoesNotContain("*", questions[1].TextContent);
        Assert.Contains("자유롭게 써 주세요", questions[1].TextContent);
        Assert.Equal(2, questions[2].QuerySelectorAll("input").Length);
        Assert.Single(questions[1].QuerySelectorAll("textarea"));
    }

    [Fact]
    public async Task What_the_student_enters_becomes_the_answers()
    {
        var answers = new AnswerDrafts();
        var page = RenderForm(answers);

        await page.Find("[data-testid=form-question]:nth-of-type(1) input").ChangeAsync(new ChangeEventArgs { Value = "음악이 좋아서" });
        await page.Find("textarea").ChangeAsync(new ChangeEventArgs { Value = "첫 줄\n둘째 줄" });
        await page.FindAll("[data-testid=form-question]")[2].QuerySelectorAll("input")[1].ClickAsync(new());
        var days = page.FindAll("[data-testid=form-question]")[3].QuerySelectorAll("input");
        await days[0].ChangeAsync(new ChangeEventArgs { Value = true });
        await page.FindAll("[data-testid=form-question]")[3].QuerySelectorAll("input")[2].ChangeAsync(new ChangeEventArgs { Value = true });

        var inputs = answers.ToInputs(Questions);
        Assert.Equal("음악이 좋아서", inputs[0].Text);
        Assert.Equal("첫 줄\n둘째 줄", inputs[1].Text);
        Assert.Equal(["드럼"], inputs[2].Choices);
        Assert.Equal(["월", "수"], inputs[3].Choices);
        // The service accepts exactly what the form produced.
        var form = Questions.Select(q => new FormQuestion { Id = q.Id, Position = (int)q.Id, Type = q.Type, Title = q.Title, Required = q.Required, Options = [.. q.Options] }).ToList();
        Assert.Equal(4, AnswerRules.Validate(form, inputs).Count);
    }

    [Fact]
    public void Saved_answers_show_again_and_the_preview_is_read_only()
    {
        var answers = AnswerDrafts.From([new AnswerView(1, "지원 동기", "이미 쓴 동기", []), new AnswerView(3, "파트", "", ["기타"])]);

        var page = RenderForm(answers, readOnly: true);

        var motive = page.Find("[data-testid=form-question] input");
        Assert.Equal("이미 쓴 동기", motive.GetAttribute("value"));
        Assert.True(motive.HasAttribute("readonly"));
    }
}
