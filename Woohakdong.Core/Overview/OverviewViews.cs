namespace Woohakdong.Core.Overview;

/// <summary>The members a club had in one term, every role counted.</summary>
public sealed record TermMembers(string TermKey, int Members);

/// <summary>Memberships made through the term's join group on one KST day.</summary>
public sealed record DayJoins(DateOnly Day, int Joins);

/// <summary>This term's money from the ledger: collected before refunds, refunded, spent (net of reversals) and the balance carried on.</summary>
public sealed record OverviewMoney(long Collected, long Refunded, long Spent, long Balance);

/// <summary>
/// The dashboard's first tab. <see cref="MembersPerTerm"/> runs oldest to newest and ends with <see cref="TermKey"/>;
/// <see cref="JoinsPerDay"/> covers every day of <see cref="JoinWindow"/>, days without a join included;
/// <see cref="Money"/> is null for a role that may not read the ledger.
/// </summary>
public sealed record ClubOverviewView(
    string TermKey, IReadOnlyList<TermMembers> MembersPerTerm, JoinWindow JoinWindow, IReadOnlyList<DayJoins> JoinsPerDay,
    OverviewMoney? Money, IReadOnlyList<OverviewNeed> Needs);
