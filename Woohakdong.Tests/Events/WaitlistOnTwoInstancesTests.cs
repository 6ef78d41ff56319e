using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Woohakdong.Core.Common;
using Woohakdong.Core.Events;
using Woohakdong.Tests.Enrollment;
using Woohakdong.Tests.Enrollment.TwoInstances;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Events;

/// <summary>
/// An event's crowd and its waitlist across two app processes (PostgreSQL, Redis): the seats stop at the capacity, and
/// seats freed at once on both instances reach the first in line, each freed seat offered once.
/// </summary>
[Collection(TwoInstancesCollection.Name)]
public sealed class WaitlistOnTwoInstancesTests(TwoInstances apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_thousand_rush_a_hundred_seats_and_thirty_freed_seats_go_once_each_to_the_first_thirty_of_fifty_waiting()
    {
        const int capacity = 100, waiting = 50, cancelling = 30;
        var eventId = await CreateEventAsync(capacity, fee: null);

        var answers = await RushAsync(apps.Students, eventId);
        var confirmed = answers.Where(a => a.Answer.Status == HttpStatusCode.Created).ToList();
        Assert.True(confirmed.Count == capacity && confirmed.All(a => Status(a) == "CONFIRMED"), Tally(answers));
        var full = answers.Where(a => a.Answer.Code == ErrorCodes.Full && Waitlist(a)).Select(a => a.Student).ToList();
        Assert.True(full.Count == apps.Students.Count - capacity, Tally(answers));

        var line = await JoinLineAsync(full.Take(waiting), eventId);
        var cancels = await Task.WhenAll(confirmed.Take(cancelling).Select(a =>
            Send(apps.Clients[a.Student.SignedInOn], a.Student, HttpMethod.Delete, $"/v1/events/{eventId}/signups/me")));
        Assert.All(cancels, status => Assert.Equal(HttpStatusCode.NoContent, status));

        // Each cancellation wakes its own instance's offers: both offer at once, and the pool's row orders them.
        await UntilLineAsync(eventId, entries => entries.Count(e => e.Status == nameof(WaitlistStatus.Seated)) >= cancelling, $"{cancelling} waiters seated", apps.RecentOutput);
        var entries = await LineAsync(eventId);
        Assert.Equal(line.Select(s => s.Email), entries.Select(e => e.Email));
        Assert.Equal(Enumerable.Repeat(nameof(WaitlistStatus.Seated), cancelling).Concat(Enumerable.Repeat(nameof(WaitlistStatus.Waiting), waiting - cancelling)),
            entries.Select(e => e.Status));
        Assert.Equal(Enumerable.Repeat(1, cancelling).Concat(Enumerable.Repeat(0, waiting - cancelling)), entries.Select(e => e.Seated));
        Assert.Equal(Enumerable.Repeat(1, cancelling).Concat(Enumerable.Repeat(0, waiting - cancelling)), entries.Select(e => e.Told["WaitlistSeated"]));
        Assert.Equal((capacity, waiting - cancelling, capacity), await CountsAsync(eventId));
    }

    [Fact]
    public async Task A_paid_events_offers_lapse_unpaid_and_pass_down_the_line_each_waiter_offered_once()
    {
        const int capacity = 10, crowd = 60, waiting = 25;
        // Offers lapse in seconds on these instances (TwoInstances.SharedSettings), so the line runs through in the test.
        var eventId = await CreateEventAsync(capacity, fee: 5_000);

        var answers = await RushAsync(apps.Students.Take(crowd), eventId);
        var holding = answers.Where(a => a.Answer.Status == HttpStatusCode.Created).ToList();
        Assert.True(holding.Count == capacity && holding.All(a => Status(a) == "PENDING_PAYMENT"), Tally(answers));
        var full = answers.Where(a => a.Answer.Code == ErrorCodes.Full && Waitlist(a)).Select(a => a.Student).ToList();
        Assert.True(full.Count == crowd - capacity, Tally(answers));

        var line = await JoinLineAsync(full.Take(waiting), eventId);
        // The crowd's holders walk away from their payment windows at once; their seats go to the line as offers nobody pays.
        var cancels = await Task.WhenAll(holding.Select(a =>
            Send(apps.Clients[a.Student.SignedInOn], a.Student, HttpMethod.Delete, $"/v1/events/{eventId}/signups/me")));
        Assert.All(cancels, status => Assert.Equal(HttpStatusCode.NoContent, status));

        await UntilLineAsync(eventId, entries => entries.All(e => e.Status == nameof(WaitlistStatus.Lapsed)), $"all {waiting} offers lapsed", apps.RecentOutput);
        var entries = await LineAsync(eventId);
        Assert.Equal(line.Select(s => s.Email), entries.Select(e => e.Email));
        Assert.All(entries, e => Assert.True(e.Told["WaitlistOffered"] == 1 && e.Told["WaitlistOfferLapsed"] == 1 && e.Seated == 0,
            $"{e.Email}: offered {e.Told["WaitlistOffered"]}×, lapsed {e.Told["WaitlistOfferLapsed"]}×, signed up {e.Seated}×"));
        Assert.Equal((0, 0, 0), await CountsAsync(eventId));
    }

    private sealed record Attempt(Student Student, BusyRetriedAnswer Answer);

    /// <summary>A place in the event's line, first first, with its student's seated sign-ups and notices by kind.</summary>
    private sealed record LineEntry(string Email, string Status, int Seated, IReadOnlyDictionary<string, int> Told);

    private async Task<long> CreateEventAsync(int capacity, long? fee)
    {
        var clubId = await ApiStudents.CreateClubAsync(apps.President, seatLimit: 10);
        var start = new DateTimeOffset(DateTimeOffset.UtcNow.ToOffset(KoreanTime.Offset).Date.AddDays(10).AddHours(19), KoreanTime.Offset);
        var created = await apps.President.PostAsJsonAsync($"/v1/clubs/{clubId}/events", new
        {
            title = "축제 공연", description = "", place = "대운동장", startsAt = start, endsAt = start.AddHours(3),
            capacity, fee, audience = "ANYONE", cancelDeadline = start.AddDays(-1), status = "PUBLISHED",
        }, Ct);
        created.EnsureSuccessStatusCode();
        return (await created.JsonAsync()).GetProperty("eventId").GetInt64();
    }

    /// <summary>Every sign-up sent before any answer is awaited, each through its student's instance, BUSY retried.</summary>
    private async Task<Attempt[]> RushAsync(IEnumerable<Student> students, long eventId)
    {
        var answers = await Task.WhenAll(students.Select(async student => new Attempt(student,
            await Crowd.SendRetryingBusyAsync(apps.Clients[student.SignedInOn], () => Request(student, HttpMethod.Post, $"/v1/events/{eventId}/signups", new { }), Ct))).ToList());
        TestContext.Current.TestOutputHelper?.WriteLine(Tally(answers));
        return answers;
    }

    /// <summary>One after another, alternating instances as the students fall: each told its place, 1 being next.</summary>
    private async Task<List<Student>> JoinLineAsync(IEnumerable<Student> students, long eventId)
    {
        var line = students.ToList();
        for (var i = 0; i < line.Count; i++)
        {
            using var joined = await apps.Clients[line[i].SignedInOn].SendAsync(Request(line[i], HttpMethod.Post, $"/v1/events/{eventId}/waitlist", null), Ct);
            Assert.Equal(HttpStatusCode.Created, joined.StatusCode);
            Assert.Equal(i + 1, (await joined.JsonAsync()).GetProperty("position").GetInt32());
        }
        return line;
    }

    private static async Task<HttpStatusCode> Send(HttpClient client, Student student, HttpMethod method, string path)
    {
        using var response = await client.SendAsync(Request(student, method, path, null), Ct);
        return response.StatusCode;
    }

    private static HttpRequestMessage Request(Student student, HttpMethod method, string path, object? body)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", student.Token);
        return request;
    }

    private static string Status(Attempt attempt) => JsonDocument.Parse(attempt.Answer.Body).RootElement.GetProperty("status").GetString()!;

    private static bool Waitlist(Attempt attempt) =>
        JsonDocument.Parse(attempt.Answer.Body).RootElement.TryGetProperty("waitlist", out var open) && open.GetBoolean();

    private static string Tally(IEnumerable<Attempt> answers) =>
        string.Join(", ", answers.GroupBy(a => $"{(int)a.Answer.Status} {a.Answer.Code}").Select(g => $"{g.Key} ×{g.Count()}"));

    /// <summary>Waits for the line to come to a state; a timeout says where it stands and what the instances logged.</summary>
    private async Task UntilLineAsync(long eventId, Func<List<LineEntry>, bool> state, string what, string output)
    {
        try
        {
            await Eventually.TrueAsync(async () => state(await LineAsync(eventId)), what, Ct);
        }
        catch (TimeoutException timeout)
        {
            var line = string.Join(", ", (await LineAsync(eventId)).Select(e => $"{e.Status}/{e.Seated}/{string.Join("+", e.Told.Values)}"));
            throw new TimeoutException($"{timeout.Message}; the line: {line}; seats {await CountsAsync(eventId)}\n{output}", timeout);
        }
    }

    private async Task<List<LineEntry>> LineAsync(long eventId)
    {
        await using var connection = await apps.ConnectAsync(Ct);
        await using var query = new NpgsqlCommand(
            """
            SELECT u."Email", w."Status",
                (SELECT count(*) FROM "EventSignups" s WHERE s."EventId" = w."EventId" AND s."UserId" = w."UserId" AND s."Status" = 'Confirmed')::int,
                (SELECT count(*) FROM "Notifications" n WHERE n."RecipientId" = w."UserId" AND n."Kind" = 'WaitlistSeated' AND n."Link" = @link)::int,
                (SELECT count(*) FROM "Notifications" n WHERE n."RecipientId" = w."UserId" AND n."Kind" = 'WaitlistOffered' AND n."Link" = @link)::int,
                (SELECT count(*) FROM "Notifications" n WHERE n."RecipientId" = w."UserId" AND n."Kind" = 'WaitlistOfferLapsed' AND n."Link" = @link)::int
            FROM "WaitlistEntries" w JOIN "AspNetUsers" u ON u."Id" = w."UserId"
            WHERE w."EventId" = @eventId ORDER BY w."Id"
            """, connection);
        query.Parameters.AddWithValue("eventId", eventId);
        query.Parameters.AddWithValue("link", EventDrafts.EventPath(eventId));
        await using var reader = await query.ExecuteReaderAsync(Ct);
        var entries = new List<LineEntry>();
        while (await reader.ReadAsync(Ct))
            entries.Add(new LineEntry(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), new Dictionary<string, int>
            {
                ["WaitlistSeated"] = reader.GetInt32(3), ["WaitlistOffered"] = reader.GetInt32(4), ["WaitlistOfferLapsed"] = reader.GetInt32(5),
            }));
        return entries;
    }

    /// <summary>The event's guarded seat counter, its waitlist counter and its confirmed sign-ups, from PostgreSQL.</summary>
    private async Task<(int SeatsTaken, int Waitlisted, int Confirmed)> CountsAsync(long eventId)
    {
        await using var connection = await apps.ConnectAsync(Ct);
        await using var query = new NpgsqlCommand(
            """
            SELECT p."SeatsTaken", p."Waitlisted",
                (SELECT count(*) FROM "EventSignups" s WHERE s."EventId" = p."Id" AND s."Status" = 'Confirmed')::int
            FROM "SeatPools" p WHERE p."Id" = @eventId
            """, connection);
        query.Parameters.AddWithValue("eventId", eventId);
        await using var reader = await query.ExecuteReaderAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct));
        return (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2));
    }
}
