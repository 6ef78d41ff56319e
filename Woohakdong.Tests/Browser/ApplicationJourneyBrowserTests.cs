using Microsoft.Playwright;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Web.Hosting;

namespace Woohakdong.Tests.Browser;

/// <summary>
/// Joining by application in chromium: the demo president builds a form for the paid demo club, the demo student applies
/// on a phone-wide screen, the president approves in the review queue, and the student sees 합격 and pays in the sandbox.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ApplicationJourneyBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly DemoAppFactory app = new();
    private Uri baseAddress = null!;

    public ValueTask InitializeAsync()
    {
        baseAddress = app.StartOnRealPort();
        return ValueTask.CompletedTask;
    }

    private async Task<IPage> SignedInAsync(string email, string path)
    {
        var page = await browser.NewPageAsync(baseAddress);
        await page.SignInAsync(email, DemoData.Password);
        await page.OpenInteractiveAsync(path);
        return page;
    }

    [Fact]
    public async Task An_officer_builds_a_form_a_student_applies_on_the_phone_the_officer_approves_and_the_student_pays()
    {
        var queue = $"/clubs/{DemoData.ClubEnglishName}/admin?tab=applications";
        var officer = await SignedInAsync(DemoData.PresidentEmail, queue);
        var builder = officer.Locator("[data-testid='form-builder']");
        await builder.GetByText("지원서 심사").ClickAsync();
        await officer.ClickAsync("[data-testid='add-question']");
        await officer.Locator("input[data-testid='question-title'], [data-testid='question-title'] input").FillAsync("사진을 찍고 싶은 이유");
        await officer.ClickAsync("[data-testid='save-form']");
        await Assertions.Expect(officer.Locator("[data-testid='review-queue']")).ToBeVisibleAsync();

        var student = await SignedInAsync(DemoData.StudentEmail, $"/clubs/{DemoData.ClubEnglishName}");
        await student.SetViewportSizeAsync(390, 844);
        await student.Locator("[data-testid='form-question'] input").FillAsync("필름 카메라로 학교를 찍어 보고 싶어요");
        await student.ClickAsync("[data-testid='submit-application']");
        await Assertions.Expect(student.Locator("[data-testid='applied']")).ToContainTextAsync("제출됨");
        var widest = await student.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(widest <= 390, $"the club page is {widest} px wide");

        await officer.OpenInteractiveAsync(queue);
        await officer.Locator("[data-testid='queue-open']", new() { HasText = "이학생" }).ClickAsync();
        await Assertions.Expect(officer.Locator("[data-testid='detail-answer']")).ToContainTextAsync("필름 카메라로 학교를 찍어 보고 싶어요");
        await officer.ClickAsync("[data-testid='decide-approve']");
        await Assertions.Expect(officer.Locator("[data-testid='decision-result']")).ToHaveTextAsync("합격");

        await student.OpenInteractiveAsync("/me/applications");
        await Assertions.Expect(student.Locator("[data-testid='application-status']")).ToHaveTextAsync("합격");
        await student.ClickAsync("[data-testid='join-button']");
        var window = student.FrameLocator("#imp-sandbox-window");
        await Assertions.Expect(window.Locator(".amount")).ToHaveTextAsync("₩10,000");
        await window.GetByText("카카오페이로 결제").ClickAsync();
        // On a phone the window returns through m_redirect_url, and the return page completes the order and shows it.
        await student.WaitForAddressAsync(url => url.Contains("/payments/return?"));
        await Assertions.Expect(student.Locator("[data-testid='order-status']")).ToHaveTextAsync("가입 완료");

        await student.OpenAsync("/me/applications");
        await Assertions.Expect(student.Locator("[data-testid='application-status']")).ToHaveTextAsync("가입 완료");
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
