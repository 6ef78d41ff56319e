using Woohakdong.Core.Applications;

namespace Woohakdong.Tests.Applications;

public sealed class ApplicationTransitionsTests
{
    private static readonly HashSet<(ApplicationStatus, ApplicationStatus)> Expected =
    [
        (ApplicationStatus.Submitted, ApplicationStatus.Interview),
        (ApplicationStatus.Submitted, ApplicationStatus.Approved),
        (ApplicationStatus.Submitted, ApplicationStatus.Rejected),
        (ApplicationStatus.Submitted, ApplicationStatus.Withdrawn),
        (ApplicationStatus.Interview, ApplicationStatus.Approved),
        (ApplicationStatus.Interview, ApplicationStatus.Rejected),
        (ApplicationStatus.Interview, ApplicationStatus.Withdrawn),
        (ApplicationStatus.Approved, ApplicationStatus.Expired),
        (ApplicationStatus.Approved, ApplicationStatus.Joined),
    ];

    public static TheoryData<ApplicationStatus, ApplicationStatus> EveryPair()
    {
        var pairs = new TheoryData<ApplicationStatus, ApplicationStatus>();
        foreach (var from in Enum.GetValues<ApplicationStatus>())
            foreach (var to in Enum.GetValues<ApplicationStatus>())
                pairs.Add(from, to);
        return pairs;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Only_the_listed_transitions_are_allowed(ApplicationStatus from, ApplicationStatus to) =>
        Assert.Equal(Expected.Contains((from, to)), ApplicationTransitions.IsAllowed(from, to));

    [Theory]
    [InlineData(ApplicationStatus.Submitted, true)]
    [InlineData(ApplicationStatus.Interview, true)]
    [InlineData(ApplicationStatus.Approved, false)]
    [InlineData(ApplicationStatus.Joined, false)]
    [InlineData(ApplicationStatus.Rejected, false)]
    public void A_student_withdraws_only_before_an_approval(ApplicationStatus status, bool allowed) =>
        Assert.Equal(allowed, ApplicationTransitions.CanWithdraw(status));

    [Fact]
    public void Rejected_withdrawn_expired_and_joined_are_final() =>
        Assert.Equal(
            [ApplicationStatus.Rejected, ApplicationStatus.Withdrawn, ApplicationStatus.Expired, ApplicationStatus.Joined],
            Enum.GetValues<ApplicationStatus>().Where(ApplicationTransitions.IsFinal));
}
