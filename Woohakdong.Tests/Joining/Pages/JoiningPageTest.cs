using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Joining;
using Woohakdong.Tests.Clubs.Pages;
using Woohakdong.Web.Hosting;
using Woohakdong.Core.Common.Messaging;

namespace Woohakdong.Tests.Joining.Pages;

/// <summary>
/// The page context plus what joining pages need: the live seat notifier started (as the host would) on the in-process
/// seat events, and a short lock wait so a held lock answers BUSY quickly.
/// </summary>
public abstract class JoiningPageTest : CorePageTest
{
    protected JoiningPageTest()
    {
        Services.Configure<SeatOptions>(options => (options.LockWait, options.LockRetry) =
            (TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(10)));
    }

    protected SeatsLeftNotifier Notifier => Services.GetRequiredService<SeatsLeftNotifier>();

    protected Task StartNotifierAsync() => Notifier.StartAsync(Xunit.TestContext.Current.CancellationToken);

    protected Task PublishAsync(long groupId, int seatsLeft) =>
        Services.GetRequiredService<IEventChannel<SeatsChanged>>().PublishAsync(new SeatsChanged(groupId, seatsLeft));

    /// <summary>This term's group of the club, with the given terms.</summary>
    protected async Task<long> AddGroupAsync(long clubId, long amount = 0, int seatLimit = 30, bool recruiting = true, int seatsTaken = 0)
    {
        var group = new JoinGroup
        {
            ClubId = clubId, TermKey = ThisTerm, Amount = amount, SeatLimit = seatLimit, Recruiting = recruiting, SeatsTaken = seatsTaken,
        };
        await ChangeDatabaseAsync(db =>
        {
            db.JoinGroups.Add(group);
            return Task.CompletedTask;
        });
        return group.Id;
    }

    protected Task ChangeGroupAsync(long groupId, Action<JoinGroup> change) =>
        ChangeDatabaseAsync(async db => change(await db.JoinGroups.SingleAsync(g => g.Id == groupId)));

    protected Task<JoinGroup> GroupAsync(long groupId) => QueryAsync(db => db.JoinGroups.AsNoTracking().SingleAsync(g => g.Id == groupId));
}
