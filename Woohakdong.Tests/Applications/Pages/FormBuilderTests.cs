using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Woohakdong.Core.Applications;
using Woohakdong.Core.Joining;
using Woohakdong.Core.Membership;
using Woohakdong.Tests.Joining.Pages;
using Woohakdong.Web.Components.Pages.Applications;

namespace Woohakdong.Tests.Applications.Pages;

/// <summary>The officers' form builder over the real services: adding, saving, previewing, and what an answered question offers.</summary>
public sealed class FormBuilderTests : JoiningPageTest
{
    private long clubId;
    private long groupId;
    private Guid officer;

    private async Task ArrangeAsync()
    {
        clubId = await AddClubAsync("band", await AddUserAsync("김회장"));
        groupId = await AddGroupAsync(clubId);
        officer = await AddUserAsync("정임원");
        await AddMemberAsync(clubId, officer, ClubRole.Officer);
        SignIn(officer);
    }

    private IRenderedComponent<ContainerFragment> RenderBuilder() => Render(builder =>
    {
        builder.OpenComponent<MudPopoverProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent<FormBuilder>(1);
        builder.AddAttribute(2, nameof(FormBuilder.GroupId), groupId);
        builder.CloseComponent();
    });

    private static Task EnterAsync(IRenderedComponent<ContainerFragment> page, string testId, string value, int index = 0) =>
        page.FindAll($"[data-testid={testId}] input, [data-testid={testId}] textarea, input[data-testid={testId}], textarea[data-testid={testId}]")[index]
            .ChangeAsync(new ChangeEventArgs { Value = value });

    private static Task ClickAsync(IRenderedComponent<ContainerFragment> page, string testId) =>
        page.Find($"button[data-testid={testId}], [data-testid={testId}] button").ClickAsync(new());

    private Task<List<FormQuestion>> QuestionsAsync() =>
        QueryAsync(db => db.FormQuestions.AsNoTracking().Where(q => q.GroupId == groupId).OrderBy(q => q.Position).ToListAsync());

    [Fact]
    public async Task An_officer_adds_a_question_previews_it_and_saves_the_form_by_application()
    {
        await ArrangeAsync();
        var page = RenderBuilder();
        page.WaitForElement("[data-testid=form-builder]");

        await page.Find("input[data-testid=policy-application], [data-testid=policy-application] input").ClickAsync(new());
        await ClickAsync(page, "add-question");
        await EnterAsync(page, "question-title", "지원 동기");
        await page.Find("input[data-testid=question-required], [data-testid=question-required] input").ChangeAsync(new ChangeEventArgs { Value = true });
        await ClickAsync(page, "preview-toggle");
        Assert.Contains("지원 동기", page.Find("[data-testid=form-preview]").TextContent);
        await ClickAsync(page, "save-form");

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=builder-question]")));
        var saved = Assert.Single(await QuestionsAsync());
        Assert.Equal(("지원 동기", QuestionType.ShortText, true), (saved.Title, saved.Type, saved.Required));
        Assert.Equal(JoinPolicy.Application, (await GroupAsync(groupId)).Policy);
    }

    [Fact]
    public async Task A_refused_form_shows_why_and_saves_nothing()
    {
        await ArrangeAsync();
        var page = RenderBuilder();
        page.WaitForElement("[data-testid=form-builder]");

        await ClickAsync(page, "add-question");
        await ClickAsync(page, "save-form");

        page.WaitForAssertion(() => Assert.Contains("질문 제목을 입력하세요", page.Find("[data-testid=form-error]").TextContent));
        Assert.Empty(await QuestionsAsync());
    }

    [Fact]
    public async Task An_answered_question_offers_no_delete_or_type_but_can_be_made_optional()
    {
        await ArrangeAsync();
        var applicant = await AddUserAsync("한지원");
        var answered = new FormQuestion { GroupId = groupId, Position = 0, Type = QuestionType.ShortText, Title = "동기", Required = true };
        await ChangeDatabaseAsync(db =>
        {
            db.FormQuestions.AddRange(answered, new FormQuestion { GroupId = groupId, Position = 1, Type = QuestionType.LongText, Title = "소개" });
            return Task.CompletedTask;
        });
        await ChangeDatabaseAsync(db =>
        {
            db.Applications.Add(new JoinApplication
            {
                GroupId = groupId, ClubId = clubId, UserId = applicant, Answers = [new ApplicationAnswer { QuestionId = answered.Id, Text = "재밌어 보여서" }],
            });
            return Task.CompletedTask;
        });
        var page = RenderBuilder();
        page.WaitForElement("[data-testid=form-builder]");
        var rows = page.FindAll("[data-testid=builder-question]");

        Assert.Single(page.FindAll("[data-testid=question-delete]"));
        Assert.Single(page.FindAll("[data-testid=question-type-fixed]"));
        Assert.Contains("삭제하거나 유형을 바꿀 수 없습니다", rows[0].TextContent);
        await ClickAsync(page, "question-make-optional");
        await ClickAsync(page, "save-form");

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=question-make-optional]")));
        Assert.False((await QuestionsAsync())[0].Required);
    }
}
