using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Payments;
using Woohakdong.Tests.Joining.Pages;
using Woohakdong.Web.Components.Pages.Membership;

namespace Woohakdong.Tests.Payments;

public sealed class AdminPaymentsPageTests : JoiningPageTest
{
    private const long Fee = 30_000;
    private readonly FakePaymentGateway gateway = new();
    private long clubId;
    private long groupId;

    public AdminPaymentsPageTests() => Services.AddSingleton<IPaymentGateway>(gateway);

    private async Task ArrangeAsync(ClubRole callerRole)
    {
        clubId = await AddClubAsync("photo", await AddUserAsync("김회장"));
        groupId = await AddGroupAsync(clubId, amount: Fee, seatsTaken: 1);
        await AddOrderAsync("박완료", OrderStatus.Completed);
        await AddOrderAsync("이대기", OrderStatus.Pending);
        var caller = await AddUserAsync("정임원");
        await AddMemberAsync(clubId, caller, callerRole);
        SignIn(caller);
    }

    private async Task<long> AddOrderAsync(string name, OrderStatus status)
    {
        var student = await AddUserAsync(name);
        var hold = new SeatHold { PoolId = groupId, UserId = student, ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(10) };
        await ChangeDatabaseAsync(db =>
        {
            db.SeatHolds.Add(hold);
            return Task.CompletedTask;
        });
        var merchantUid = $"wh_{Guid.NewGuid():N}";
        var order = new JoinOrder
        {
            MerchantUid = merchantUid, ClubId = clubId, PoolId = groupId, UserId = student, Amount = Fee, HoldId = hold.Id,
            HoldExpiresAt = hold.ExpiresAt, Status = status,
            ImpUid = status == OrderStatus.Completed ? gateway.Pay(merchantUid, Fee).ImpUid : null,
        };
        await ChangeDatabaseAsync(db =>
        {
            db.JoinOrders.Add(order);
            if (status == OrderStatus.Completed)
                db.Memberships.Add(new ClubMembership
                {
                    ClubId = clubId, UserId = student, TermKey = ThisTerm, Role = ClubRole.Member, JoinGroupId = groupId,
                });
            return Task.CompletedTask;
        });
        return order.Id;
    }

    private async Task<IRenderedComponent<ContainerFragment>> OpenPaymentsAsync()
    {
        var page = Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<Dashboard>(2);
            builder.AddAttribute(3, nameof(Dashboard.EnglishName), "photo");
            builder.CloseComponent();
        });
        page.WaitForElement("[data-testid=dashboard-title]");
        await page.FindAll(".mud-tab").Single(tab => tab.TextContent.Contains("결제 내역")).ClickAsync(new());
        page.WaitForElement("[data-testid=payment-totals]");
        return page;
    }

    [Fact]
    public async Task An_officer_sees_the_list_and_totals_but_no_refund_button()
    {
        await ArrangeAsync(ClubRole.Officer);

        var page = await OpenPaymentsAsync();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=payment-member]").Count));
        Assert.Equal("₩30,000", page.Find("[data-testid=completed-amount]").TextContent.Trim());
        Assert.Equal("₩0", page.Find("[data-testid=refunded-amount]").TextContent.Trim());
        Assert.Equal(["이대기", "박완료"], page.FindAll("[data-testid=payment-member]").Select(c => c.TextContent.Trim()));
        Assert.Contains("가입 완료", page.Find("[data-testid=status-counts]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=refund-button]"));
    }

    [Fact]
    public async Task A_secretary_refunds_a_completed_payment_with_a_reason()
    {
        await ArrangeAsync(ClubRole.Secretary);
        var page = await OpenPaymentsAsync();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=refund-button]")));

        page.Find("[data-testid=refund-button]").Click(); // not awaited: its handler waits for the dialog's answer
        page.WaitForElement("[data-testid=refund-dialog]");
        await page.Find("#refund-reason").InputAsync(new ChangeEventArgs { Value = "개인 사정으로 탈퇴" });
        await page.Find("[data-testid=refund-confirm]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("₩30,000", page.Find("[data-testid=refunded-amount]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=refund-button]"));
        var refund = await QueryAsync(db => db.PaymentRefunds.AsNoTracking().SingleAsync());
        Assert.Equal((Fee, "개인 사정으로 탈퇴"), (refund.Amount, refund.Reason));
        Assert.False(await QueryAsync(db => db.Memberships.AnyAsync(m => m.JoinGroupId == groupId)));
        Assert.Equal(0, (await GroupAsync(groupId)).SeatsTaken);
    }
}
