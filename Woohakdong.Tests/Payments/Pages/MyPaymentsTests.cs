using Bunit;
using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Payments;
using Woohakdong.Tests.Joining.Pages;
using Woohakdong.Web.Components.Pages.Payments;

namespace Woohakdong.Tests.Payments.Pages;

public sealed class MyPaymentsTests : JoiningPageTest
{
    private async Task AddOrderAsync(long clubId, long groupId, Guid userId, long amount, OrderStatus status, DateTimeOffset createdAt)
    {
        var hold = new SeatHold { PoolId = groupId, UserId = userId, ExpiresAt = createdAt.AddMinutes(10), State = HoldState.Released };
        await ChangeDatabaseAsync(db =>
        {
            db.SeatHolds.Add(hold);
            return Task.CompletedTask;
        });
        var order = new JoinOrder
        {
            MerchantUid = MerchantUids.New(), ClubId = clubId, PoolId = groupId, UserId = userId, Amount = amount, HoldId = hold.Id,
            HoldExpiresAt = hold.ExpiresAt, Status = status,
        };
        await ChangeDatabaseAsync(db =>
        {
            db.JoinOrders.Add(order);
            return Task.CompletedTask;
        });
        // Saving stamps the current time: back-date it past the audit interceptor.
        await ChangeDatabaseAsync(db => db.JoinOrders.Where(o => o.Id == order.Id).ExecuteUpdateAsync(set => set.SetProperty(o => o.CreatedAt, createdAt)));
    }

    [Fact]
    public async Task My_payments_lists_only_my_orders_newest_first_with_korean_status_and_won_amounts_in_KST()
    {
        var president = await AddUserAsync("김회장");
        var photo = await AddClubAsync("photo", president);
        var chess = await AddClubAsync("chess", president);
        var photoGroup = await AddGroupAsync(photo, amount: 10_000);
        var chessGroup = await AddGroupAsync(chess, amount: 25_000);
        var student = await AddUserAsync("박학생");
        var morning = new DateTimeOffset(2026, 3, 2, 0, 30, 0, TimeSpan.Zero);
        await AddOrderAsync(photo, photoGroup, student, 10_000, OrderStatus.Failed, morning);
        await AddOrderAsync(chess, chessGroup, student, 25_000, OrderStatus.Completed, morning.AddHours(2));
        await AddOrderAsync(photo, photoGroup, await AddUserAsync("최학생"), 10_000, OrderStatus.Completed, morning.AddHours(3));
        SignIn(student);

        var page = Render<MyPayments>();

        page.WaitForElement("[data-testid=my-payments]");
        var rows = page.FindAll("[data-testid=my-payment]").Select(row => row.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("chess 동아리", rows[0]);
        Assert.Contains("₩25,000", rows[0]);
        Assert.Contains("가입 완료", rows[0]);
        Assert.Contains("2026-03-02 11:30", rows[0]);
        Assert.Contains("photo 동아리", rows[1]);
        Assert.Contains("결제 실패", rows[1]);
        Assert.Contains("2026-03-02 09:30", rows[1]);
    }
}
