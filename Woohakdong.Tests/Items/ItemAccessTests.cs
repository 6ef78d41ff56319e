using Woohakdong.Core.Common;
using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Items;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Storage;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Items;

public enum ItemAction
{
    Register,
    Edit,
    MarkUnavailable,
    Delete,
    ViewCurrentLoans,
    List,
    View,
    Borrow,
    RequestUploadUrls,
}

/// <summary>Every item service checks the caller itself: who may do what, straight against the services.</summary>
public sealed class ItemAccessTests(SqliteCore core) : CoreTests<SqliteCore>(core)
{
    private static readonly ItemAction[] OfficerActions =
        [ItemAction.Register, ItemAction.Edit, ItemAction.MarkUnavailable, ItemAction.Delete, ItemAction.ViewCurrentLoans, ItemAction.RequestUploadUrls];

    public static TheoryData<ItemAction, Caller> Refused()
    {
        var rows = new TheoryData<ItemAction, Caller>();
        foreach (var action in Enum.GetValues<ItemAction>())
        {
            rows.Add(action, Caller.Student);
            rows.Add(action, Caller.OfficerOfAnotherClub);
            if (OfficerActions.Contains(action)) rows.Add(action, Caller.Member);
        }
        return rows;
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Callers_without_the_role_are_refused(ItemAction action, Caller caller)
    {
        var (cast, itemId) = await ClubWithItemAsync();
        Core.ActAs(cast.UserOf(caller));

        await Refusal.ThrowsAsync(ErrorKind.Forbidden, ErrorCodes.Forbidden, () => PerformAsync(action, cast, itemId));
    }

    [Theory]
    [InlineData(ItemAction.Edit)]
    [InlineData(ItemAction.MarkUnavailable)]
    [InlineData(ItemAction.Delete)]
    [InlineData(ItemAction.ViewCurrentLoans)]
    [InlineData(ItemAction.List)]
    [InlineData(ItemAction.View)]
    [InlineData(ItemAction.Borrow)]
    public async Task An_officer_may_do_it(ItemAction action)
    {
        var (cast, itemId) = await ClubWithItemAsync();
        Core.ActAs(cast.Officer.UserId);

        await PerformAsync(action, cast, itemId);
    }

    [Fact]
    public async Task An_anonymous_caller_cannot_borrow()
    {
        var (cast, itemId) = await ClubWithItemAsync();

        await Refusal.ThrowsAsync(ErrorKind.Unauthorized, ErrorCodes.Unauthorized, () => PerformAsync(ItemAction.Borrow, cast, itemId));
    }

    [Fact]
    public async Task Only_the_borrower_or_an_officer_returns_an_item()
    {
        var (cast, first) = await ClubWithItemAsync();
        var second = await ItemSeeds.AddItemAsync(Core.DbAsync, cast.ClubId, cast.Officer.UserId, "배드민턴 라켓");
        var otherMember = await Core.AddUserAsync("한회원");
        await Core.AddMembershipAsync(cast.ClubId, otherMember.Id, ClubRole.Member);
        Core.ActAs(cast.Member.UserId);
        await Core.Get<BorrowItem>().BorrowAsync(cast.ClubId, first, Ct);
        await Core.Get<BorrowItem>().BorrowAsync(cast.ClubId, second, Ct);

        Core.ActAs(otherMember.Id);
        await Refusal.ThrowsAsync(ErrorKind.Forbidden, ErrorCodes.Forbidden, () => Core.Get<ReturnItem>().ReturnAsync(cast.ClubId, first, ct: Ct));
        Core.ActAs(cast.OfficerOfAnotherClub.UserId);
        await Refusal.ThrowsAsync(ErrorKind.Forbidden, ErrorCodes.Forbidden, () => Core.Get<ReturnItem>().ReturnAsync(cast.ClubId, first, ct: Ct));
        Core.ActAs(cast.Member.UserId);
        var byBorrower = await Core.Get<ReturnItem>().ReturnAsync(cast.ClubId, first, ct: Ct);
        Core.ActAs(cast.Secretary.UserId);
        var byOfficer = await Core.Get<ReturnItem>().ReturnAsync(cast.ClubId, second, ct: Ct);

        Assert.NotNull(byBorrower.ReturnedAt);
        Assert.NotNull(byOfficer.ReturnedAt);
        await Refusal.ThrowsAsync(ErrorKind.Conflict, ErrorCodes.ItemNotOnLoan, () => Core.Get<ReturnItem>().ReturnAsync(cast.ClubId, second, ct: Ct));
    }

    [Fact]
    public async Task Only_the_borrower_among_members_gets_a_return_photo_url()
    {
        var (cast, itemId) = await ClubWithItemAsync();
        var otherMember = await Core.AddUserAsync("한회원");
        await Core.AddMembershipAsync(cast.ClubId, otherMember.Id, ClubRole.Member);
        Core.ActAs(cast.Member.UserId);
        await Refusal.ThrowsAsync(ErrorKind.Forbidden, ErrorCodes.Forbidden, () => RequestReturnPhotoAsync(cast, itemId));
        await Core.Get<BorrowItem>().BorrowAsync(cast.ClubId, itemId, Ct);

        Core.ActAs(otherMember.Id);
        await Refusal.ThrowsAsync(ErrorKind.Forbidden, ErrorCodes.Forbidden, () => RequestReturnPhotoAsync(cast, itemId));
        Core.ActAs(cast.Student);
        await Refusal.ThrowsAsync(ErrorKind.Forbidden, ErrorCodes.Forbidden, () => RequestReturnPhotoAsync(cast, itemId));
        Core.ActAs(cast.Member.UserId);
        var url = await RequestReturnPhotoAsync(cast, itemId);

        Assert.StartsWith(UploadKeys.ClubPrefix(cast.ClubId), url.Key);
        // The borrower's URL for a return photo does not open the officers' door for item images.
        await Refusal.ThrowsAsync(ErrorKind.Forbidden, ErrorCodes.Forbidden,
            () => Core.Get<ImageUploadService>().RequestAsync(cast.ClubId, ["image/png"], Ct));
    }

    [Fact]
    public async Task A_loan_gets_one_return_photo_upload_per_caller_signed_anew_on_retry()
    {
        var (cast, itemId) = await ClubWithItemAsync();
        Core.ActAs(cast.Officer.UserId);
        await Refusal.ThrowsAsync(ErrorKind.Conflict, ErrorCodes.ItemNotOnLoan, () => RequestReturnPhotoAsync(cast, itemId));
        Core.ActAs(cast.Member.UserId);
        await Core.Get<BorrowItem>().BorrowAsync(cast.ClubId, itemId, Ct);

        var first = await RequestReturnPhotoAsync(cast, itemId);
        var retry = await RequestReturnPhotoAsync(cast, itemId);
        Core.ActAs(cast.Officer.UserId);
        var byOfficer = await RequestReturnPhotoAsync(cast, itemId);

        Assert.Equal(first.Key, retry.Key);
        Assert.NotEqual(first.Key, byOfficer.Key);
        Core.ActAs(cast.Member.UserId);
        await Refusal.ThrowsAsync(ErrorKind.Conflict, ErrorCodes.UploadLimitReached,
            () => Core.Get<ImageUploadService>().RequestReturnPhotoAsync(cast.ClubId, itemId, "image/png", Ct));
    }

    [Fact]
    public async Task A_member_reads_their_own_loan_history_but_not_another_members()
    {
        var (cast, itemId) = await ClubWithItemAsync();
        Core.ActAs(cast.Member.UserId);
        await Core.Get<BorrowItem>().BorrowAsync(cast.ClubId, itemId, Ct);

        var own = await Core.Get<LoanQueries>().MemberHistoryAsync(cast.ClubId, cast.Member.UserId, Ct);
        await Refusal.ThrowsAsync(ErrorKind.Forbidden, ErrorCodes.Forbidden,
            () => Core.Get<LoanQueries>().MemberHistoryAsync(cast.ClubId, cast.Officer.UserId, Ct));
        Core.ActAs(cast.Officer.UserId);
        var seenByOfficer = await Core.Get<LoanQueries>().MemberHistoryAsync(cast.ClubId, cast.Member.UserId, Ct);

        Assert.Equal(itemId, Assert.Single(own).ItemId);
        Assert.Equal("강회원", Assert.Single(seenByOfficer).BorrowerName);
    }

    private Task<UploadUrl> RequestReturnPhotoAsync(ClubCast cast, long itemId) =>
        Core.Get<ImageUploadService>().RequestReturnPhotoAsync(cast.ClubId, itemId, "image/jpeg", Ct);

    private async Task<(ClubCast Cast, long ItemId)> ClubWithItemAsync()
    {
        var cast = await Core.SeedClubCastAsync();
        return (cast, await ItemSeeds.AddItemAsync(Core.DbAsync, cast.ClubId, cast.Officer.UserId));
    }

    private async Task PerformAsync(ItemAction action, ClubCast cast, long itemId)
    {
        var clubId = cast.ClubId;
        switch (action)
        {
            case ItemAction.Register:
                await Core.Get<RegisterItem>().RegisterAsync(clubId, ItemSeeds.Input("텐트", $"clubs/{clubId}/items/x.png"), Ct);
                break;
            case ItemAction.Edit:
                var current = await ImageKeysAsync(itemId);
                await Core.Get<EditItem>().UpdateAsync(clubId, itemId, ItemSeeds.Input("새 이름", current), Ct);
                break;
            case ItemAction.MarkUnavailable:
                await Core.Get<EditItem>().SetUnavailableAsync(clubId, itemId, true, Ct);
                break;
            case ItemAction.Delete:
                await Core.Get<DeleteItem>().DeleteAsync(clubId, itemId, Ct);
                break;
            case ItemAction.ViewCurrentLoans:
                await Core.Get<LoanQueries>().CurrentAsync(clubId, Ct);
                break;
            case ItemAction.List:
                await Core.Get<ItemQueries>().ListAsync(clubId, new ItemQuery(), Ct);
                break;
            case ItemAction.View:
                await Core.Get<ItemQueries>().GetAsync(clubId, itemId, Ct);
                break;
            case ItemAction.Borrow:
                await Core.Get<BorrowItem>().BorrowAsync(clubId, itemId, Ct);
                break;
            case ItemAction.RequestUploadUrls:
                await Core.Get<ImageUploadService>().RequestAsync(clubId, ["image/png"], Ct);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action));
        }
    }

    private async Task<string[]> ImageKeysAsync(long itemId)
    {
        await using var db = await Core.DbAsync();
        return await db.ItemImages.Where(i => i.ItemId == itemId).OrderBy(i => i.Position).Select(i => i.Key).ToArrayAsync(Ct);
    }
}
