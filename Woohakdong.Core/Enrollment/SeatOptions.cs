using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Woohakdong.Core.Enrollment;

public enum SeatLockChoice
{
    /// <summary>Redis (RedLock) when <c>Redis:Configuration</c> is set, an in-process lock otherwise.</summary>
    Auto,
    /// <summary>
    /// No lock at all, only to prove the database guard; refused in Production. Batching without the lock measured no
    /// faster (smaller batches, each waiting on the counter's row lock anyway: docs/benchmarks.md, flash crowd run 13).
    /// </summary>
    None,
}

/// <summary>
/// Settings under <c>Seats</c>; every one has a working default. The lock's backing store is chosen by
/// <c>Redis:Configuration</c>: the embedded default runs without it (an in-process lock); the Production environment
/// requires it, because several instances need one lock and one channel to clear each other's sold-out flags. The
/// database guard keeps the limit whatever the lock does (which <c>Seats:Lock = None</c> proves outside Production).
/// </summary>
public sealed class SeatOptions
{
    public const string Section = "Seats";
    public const string RedisConfigurationKey = Common.Messaging.MessagingRegistration.RedisConfigurationKey;
    public const string LockKey = Section + ":" + nameof(Lock);

    public SeatLockChoice Lock { get; set; } = SeatLockChoice.Auto;

    /// <summary>How long a paid join keeps its seat while the student pays.</summary>
    public TimeSpan HoldDuration { get; set; } = TimeSpan.FromMinutes(10);
    /// <summary>How long an approved application of a paid group keeps its seat for the student to pay (결제 기한).</summary>
    public TimeSpan ApprovalHoldDuration { get; set; } = TimeSpan.FromDays(3);
    /// <summary>How long a Redis lock lives if its holder dies without releasing it.</summary>
    public TimeSpan LockLease { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>How long a join waits for the club's lock before answering BUSY.</summary>
    public TimeSpan LockWait { get; set; } = TimeSpan.FromSeconds(3);
    public TimeSpan LockRetry { get; set; } = TimeSpan.FromMilliseconds(25);
    /// <summary>The most joins of one pool decided in one batch (one transaction under one hold of the lock).</summary>
    public int MaxBatch { get; set; } = 200;
    /// <summary>
    /// How long another instance's "sold out" message keeps a pool full here before this instance asks the database
    /// again (its own failed update then keeps it full until a seat is freed).
    /// </summary>
    public TimeSpan SoldOutMessageTrust { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>How often each instance expires overdue holds.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);
}

/// <param name="environment">Absent (a bare service collection): treated as Production, so <c>None</c> is refused.</param>
/// <param name="redisConfigured">Whether <c>Redis:Configuration</c> is set.</param>
internal sealed class SeatOptionsValidator(IHostEnvironment? environment, bool redisConfigured) : IValidateOptions<SeatOptions>
{
    public ValidateOptionsResult Validate(string? name, SeatOptions options)
    {
        var problems = new List<string>();
        Positive(options.HoldDuration, nameof(options.HoldDuration));
        Positive(options.ApprovalHoldDuration, nameof(options.ApprovalHoldDuration));
        Positive(options.LockLease, nameof(options.LockLease));
        Positive(options.LockWait, nameof(options.LockWait));
        Positive(options.LockRetry, nameof(options.LockRetry));
        Positive(options.SweepInterval, nameof(options.SweepInterval));
        Positive(options.SoldOutMessageTrust, nameof(options.SoldOutMessageTrust));
        if (options.MaxBatch < 1) problems.Add($"{SeatOptions.Section}:MaxBatch must be at least 1.");
        if (options.LockRetry > options.LockWait)
            problems.Add($"{SeatOptions.Section}:LockRetry must not exceed {SeatOptions.Section}:LockWait.");
        if (options.Lock == SeatLockChoice.None && (environment is null || environment.IsProduction()))
            problems.Add($"{SeatOptions.LockKey}=None runs joins without a lock and is refused in Production; use Auto.");
        if (!redisConfigured && environment?.IsProduction() == true)
            problems.Add($"{SeatOptions.RedisConfigurationKey} is required in the Production environment (environment variable Redis__Configuration, e.g. redis:6379).");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);

        void Positive(TimeSpan value, string setting)
        {
            if (value <= TimeSpan.Zero) problems.Add($"{SeatOptions.Section}:{setting} must be a positive time span (e.g. 00:00:03).");
        }
    }
}
