using System.Text.RegularExpressions;

namespace Woohakdong.Web.Sandbox.PortOne;

/// <summary>One answer of the V2 sandbox's API, kept as data so that a repeated <c>Idempotency-Key</c> can be answered with it.</summary>
public sealed record SandboxV2Answer(int Status, object Body)
{
    public static SandboxV2Answer Of(SandboxV2Error error) => new(error.Status, new { type = error.Type, message = error.Message });

    public IResult ToResult() => Results.Json(Body, SandboxV2Api.Json, statusCode: Status);
}

/// <summary>
/// PortOne V2's <c>Idempotency-Key</c> on writes, as the sandbox honours it: the first answer to a key on a method and path
/// is kept for three hours and given again to every request repeating the key, which then does nothing else (a repeated
/// cancel refunds nothing, sends no webhook); a repeat while the first is still being answered gets 409
/// IDEMPOTENCY_OUTSTANDING_REQUEST, and a malformed key 400. Requests without the header act every time. In memory, like
/// the rest of the sandbox.
/// </summary>
public sealed partial class SandboxV2Idempotency(TimeProvider time)
{
    public const string Header = "Idempotency-Key";
    public static readonly TimeSpan Kept = TimeSpan.FromHours(3);

    private readonly Lock gate = new();
    private readonly Dictionary<string, (DateTimeOffset At, SandboxV2Answer? Answer)> answers = [];

    /// <summary>PortOne's rule for a key: 16 to 256 ASCII letters, digits, '-' and '_'.</summary>
    [GeneratedRegex("^[A-Za-z0-9_-]{16,256}$")]
    private static partial Regex KeyShape();

    public SandboxV2Answer Answer(HttpRequest request, Func<SandboxV2Answer> act) =>
        Answer(request.Headers[Header].ToString() is { Length: > 0 } key ? key : null, $"{request.Method} {request.Path}", act);

    public SandboxV2Answer Answer(string? key, string operation, Func<SandboxV2Answer> act)
    {
        if (key is null) return act();
        if (!KeyShape().IsMatch(key))
            return SandboxV2Answer.Of(new(400, "INVALID_REQUEST", "Idempotency-Key는 16~256자의 영문, 숫자, -, _ 이어야 합니다."));
        var scoped = $"{operation}\n{key}";
        var now = time.GetUtcNow();
        lock (gate)
        {
            if (answers.TryGetValue(scoped, out var kept) && now - kept.At < Kept)
                return kept.Answer ?? SandboxV2Answer.Of(new(409, "IDEMPOTENCY_OUTSTANDING_REQUEST", "같은 멱등 키의 요청이 처리 중입니다. 잠시 후 다시 시도해 주세요."));
            answers[scoped] = (now, null);
        }
        SandboxV2Answer answer;
        try
        {
            answer = act();
        }
        catch
        {
            // Nothing was answered: the key may be used again at once.
            lock (gate) answers.Remove(scoped);
            throw;
        }
        lock (gate) answers[scoped] = (now, answer);
        return answer;
    }
}
