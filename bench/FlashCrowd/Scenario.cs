namespace Woohakdong.Bench;

/// <summary>
/// What the crowd rushes at. A scenario only opens the pool (the crowd's, and a small one for the warm-up) and names the
/// URL a student asks for a seat at; the students, the crowd, the probes and the report are the same for every scenario.
/// </summary>
public sealed record Scenario(
    string Name, string Pool, string Opens, int DefaultStudents, int DefaultSeats,
    Func<WoohakdongApi, string, string, int, Task<long>> OpenAsync, Func<long, string> SeatPath)
{
    /// <summary>Joining (issue 4): a free club's join group; <c>201</c> is a membership.</summary>
    public static readonly Scenario Join = new(
        "join", "group", "a free club with a join group", 2_000, 100,
        (api, president, englishName, seats) => api.OpenClubAsync(president, englishName, seats),
        groupId => $"/v1/groups/{groupId}/joins");

    /// <summary>An event's sign-ups (issue 14): a published free event open to anyone, in a club of its own; <c>201</c> is CONFIRMED.</summary>
    public static readonly Scenario Event = new(
        "event", "event", "a club with a published free event", 20_000, 2_000,
        async (api, president, englishName, seats) =>
            await api.CreateEventAsync(president, await api.CreateClubAsync(president, englishName, seats), $"벤치 {englishName}", seats),
        eventId => $"/v1/events/{eventId}/signups");

    public static Scenario Named(string name) => name switch
    {
        "join" => Join,
        "event" => Event,
        _ => throw new ArgumentException($"--scenario is join or event, not '{name}'."),
    };
}
