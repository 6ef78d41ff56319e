using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Woohakdong.Core.Common;

namespace Woohakdong.Tests.Enrollment.TwoInstances;

/// <summary>One join to send: who, through which instance.</summary>
public sealed record JoinAttempt(Student Student, string Instance, HttpClient Client);

/// <summary>
/// A student's final answer after retrying BUSY. <see cref="Code"/> is the problem's code when the answer is a
/// problem+json document; <see cref="Body"/> keeps the start of anything else for the failure message.
/// </summary>
public sealed record JoinOutcome(int Student, string Instance, HttpStatusCode Status, string? Code, int BusyAnswers, string Body)
{
    public bool Admitted => Status == HttpStatusCode.Created;

    public override string ToString() => $"student {Student} on {Instance}: {(int)Status} {Code} after {BusyAnswers} BUSY {Body}";
}

/// <summary>The last answer to a request resent while it answered BUSY: its status, problem code and body.</summary>
public sealed record BusyRetriedAnswer(HttpStatusCode Status, string? Code, int BusyAnswers, string Body);

/// <summary>Sends a flash crowd of joins at once and tallies what came back.</summary>
public static class Crowd
{
    // BUSY is retryable: a student clicks again. Bounded so that a lock that never frees fails the test instead of hanging it.
    private const int MaxBusyAnswers = 30;
    private static readonly TimeSpan BusyPause = TimeSpan.FromMilliseconds(50);

    /// <summary>Every attempt is launched before any answer is awaited; <paramref name="answered"/> sees each final answer as it lands.</summary>
    public static async Task<JoinOutcome[]> RushAsync(
        IEnumerable<JoinAttempt> attempts, long groupId, CancellationToken ct, Action<JoinOutcome>? answered = null)
    {
        var clock = Stopwatch.StartNew();
        var outcomes = await Task.WhenAll(attempts.Select(async attempt =>
        {
            var outcome = await JoinAsync(attempt, groupId, ct);
            answered?.Invoke(outcome);
            return outcome;
        }).ToList());
        Report(outcomes, clock.Elapsed);
        return outcomes;
    }

    public static async Task<JoinOutcome> JoinAsync(JoinAttempt attempt, long groupId, CancellationToken ct)
    {
        var answer = await SendRetryingBusyAsync(attempt.Client, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/groups/{groupId}/joins");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", attempt.Student.Token);
            return request;
        }, ct);
        return new JoinOutcome(attempt.Student.Number, attempt.Instance, answer.Status, answer.Code, answer.BusyAnswers, answer.Body[..Math.Min(answer.Body.Length, 300)]);
    }

    /// <summary>Sends what <paramref name="build"/> makes, again after each BUSY answer (as a person clicks again), up to the bound.</summary>
    public static async Task<BusyRetriedAnswer> SendRetryingBusyAsync(HttpClient client, Func<HttpRequestMessage> build, CancellationToken ct)
    {
        for (var busy = 0; ; busy++)
        {
            using var request = build();
            using var response = await client.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            var code = ProblemCode(response, body);
            if (code != ErrorCodes.Busy || busy == MaxBusyAnswers) return new BusyRetriedAnswer(response.StatusCode, code, busy, body);
            await Task.Delay(BusyPause, ct);
        }
    }

    private static string? ProblemCode(HttpResponseMessage response, string body)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return null;
        using var problem = JsonDocument.Parse(body);
        return problem.RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
    }

    /// <summary>The figures the team tracks, in the test's output.</summary>
    private static void Report(JoinOutcome[] outcomes, TimeSpan elapsed)
    {
        var codes = outcomes.Where(o => !o.Admitted).GroupBy(o => $"{(int)o.Status} {o.Code}").Select(g => $"{g.Key} ×{g.Count()}");
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{outcomes.Length} attempts in {elapsed.TotalSeconds:0.0} s: {outcomes.Count(o => o.Admitted)} admitted; " +
            $"{string.Join(", ", codes)}; {outcomes.Count(o => o.BusyAnswers > 0)} students answered BUSY first " +
            $"({outcomes.Sum(o => o.BusyAnswers)} BUSY answers in all)");
    }
}
