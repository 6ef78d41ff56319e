using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Payments;
using Woohakdong.Tests.Joining.Pages;
using Woohakdong.Web.Components.Pages.Payments;
using Woohakdong.Web.Hosting;

namespace Woohakdong.Tests.Payments.Pages;

/// <summary>The result page follows its order's moves as the ledger commits them, pushed through the notifier.</summary>
public sealed class OrderResultTests : JoiningPageTest
{
    private long clubId;
    private long groupId;

    private OrderStatusNotifier OrderNotifier => Services.GetRequiredService<OrderStatusNotifier>();

    private async Task<JoinOrder> AddPendingOrderAsync(Guid userId)
    {
        var expires = DateTimeOffset.UtcNow.AddMinutes(10);
        var hold = new SeatHold { PoolId = groupId, UserId = userId, ExpiresAt = expires, State = HoldState.Held };
        await ChangeDatabaseAsync(db =>
        {
            db.SeatHolds.Add(hold);
            return Task.CompletedTask;
        });
        var order = new JoinOrder
        {
            MerchantUid = MerchantUids.New(), ClubId = clubId, PoolId = groupId, UserId = userId, Amount = 10_000, HoldId = hold.Id,
            HoldExpiresAt = expires, Status = OrderStatus.Pending,
        };
        await ChangeDatabaseAsync(db =>
        {
            db.JoinOrders.Add(order);
            return Task.CompletedTask;
        });
        return order;
    }

    private async Task FailAsync(JoinOrder order)
    {
        await using var scope = Services.CreateAsyncScope();
        var moved = await scope.ServiceProvider.GetRequiredService<OrderLedger>()
            .TryMoveAsync(order, new OrderLedger.Move(OrderStatus.Failed, OrderCause.Webhook, "test"), Xunit.TestContext.Current.CancellationToken);
        Assert.True(moved);
    }

    [Fact]
    public async Task Result_page_rerenders_when_its_order_moves_and_not_when_another_order_does()
    {
        clubId = await AddClubAsync("photo", await AddUserAsync("김회장"));
        groupId = await AddGroupAsync(clubId, amount: 10_000);
        var student = await AddUserAsync("박학생");
        var mine = await AddPendingOrderAsync(student);
        var someoneElses = await AddPendingOrderAsync(await AddUserAsync("최학생"));
        SignIn(student);
        await OrderNotifier.StartAsync(Xunit.TestContext.Current.CancellationToken);
        var page = Render<OrderResult>(parameters => parameters.Add(p => p.OrderId, mine.Id));
        page.WaitForAssertion(() => Assert.Equal("결제 대기 중", page.Find("[data-testid=order-status]").TextContent.Trim()));
        var card = page.FindComponent<OrderStatusCard>();
        Assert.Contains("₩10,000", page.Find("[data-testid=order-amount]").TextContent);
        var rendersBefore = card.RenderCount;

        // Nobody watches the other order, so its move reaches no page: the notifier hands it over before TryMoveAsync returns.
        Assert.Equal(0, OrderNotifier.WatcherCount(someoneElses.Id));
        await FailAsync(someoneElses);
        Assert.Equal(rendersBefore, card.RenderCount);
        Assert.Equal("결제 대기 중", page.Find("[data-testid=order-status]").TextContent.Trim());

        await FailAsync(mine);

        page.WaitForAssertion(() => Assert.Equal("결제 실패", page.Find("[data-testid=order-status]").TextContent.Trim()));
        Assert.Contains("자리는 다시 비었습니다", page.Find("[data-testid=order-note]").TextContent);
    }

    [Fact]
    public async Task Another_students_order_is_not_found_and_a_closed_page_stops_watching()
    {
        clubId = await AddClubAsync("photo", await AddUserAsync("김회장"));
        groupId = await AddGroupAsync(clubId, amount: 10_000);
        var order = await AddPendingOrderAsync(await AddUserAsync("최학생"));
        SignIn(await AddUserAsync("박학생"));

        var page = Render<OrderResult>(parameters => parameters.Add(p => p.OrderId, order.Id));

        page.WaitForElement("[data-testid=order-not-found]");
        Assert.Empty(page.FindAll("[data-testid=order-result]"));
        Assert.Equal(1, OrderNotifier.WatcherCount(order.Id));
        await DisposeComponentsAsync();
        Assert.Equal(0, OrderNotifier.WatcherCount(order.Id));
    }
}
