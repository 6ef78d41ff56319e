using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Woohakdong.Web.Hosting;

/// <summary>One limit: at most <see cref="PermitLimit"/> attempts per <see cref="Window"/>.</summary>
public sealed class AttemptLimit
{
    public int PermitLimit { get; set; }
    public TimeSpan Window { get; set; }
}

/// <summary>
/// Settings under <c>SignInLimits</c>: how many sign-in, sign-up and password-reset attempts a client (IP address) and
/// an account (normalized e-mail) may make. The client limit is generous because a campus network puts many students
/// behind one address; the account limit is what stops guessing one account's password.
/// </summary>
public sealed class SignInLimitOptions
{
    public const string Section = "SignInLimits";

    public AttemptLimit PerClient { get; set; } = new() { PermitLimit = 60, Window = TimeSpan.FromMinutes(5) };
    public AttemptLimit PerAccount { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(15) };
}

/// <summary>
/// Counts sign-in style attempts per client and per account with the fixed-window limiters of
/// System.Threading.RateLimiting (those of ASP.NET Core's rate limiter). The limiter middleware cannot do the account
/// half: its partition is chosen before the body, where the e-mail is, is read; so the endpoints that know the e-mail
/// ask here. The count is per instance; Identity's lockout (in the database) still bounds guessing across instances.
/// </summary>
public sealed class SignInThrottle(IOptions<SignInLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> perClient = Limiter(options.Value.PerClient);
    private readonly PartitionedRateLimiter<string> perAccount = Limiter(options.Value.PerAccount);

    /// <summary>Counts one attempt; null when it may go ahead, otherwise how long the caller must wait.</summary>
    public TimeSpan? Refusal(HttpContext context, string? email)
    {
        using (var client = perClient.AttemptAcquire(context.Connection.RemoteIpAddress?.ToString() ?? "unknown"))
            if (!client.IsAcquired) return RetryAfter(client, options.Value.PerClient);
        if (string.IsNullOrWhiteSpace(email)) return null;
        // Identity's own normalizer (scoped), so that the account counted is the account Identity looks up.
        var normalized = context.RequestServices.GetRequiredService<ILookupNormalizer>().NormalizeEmail(email.Trim());
        using var account = perAccount.AttemptAcquire(normalized);
        return account.IsAcquired ? null : RetryAfter(account, options.Value.PerAccount);
    }

    /// <summary>A refusal's status and <c>Retry-After</c> (whole seconds, rounded up).</summary>
    public static void Refuse(HttpResponse response, TimeSpan retryAfter)
    {
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }

    private static TimeSpan RetryAfter(RateLimitLease lease, AttemptLimit limit) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : limit.Window;

    private static PartitionedRateLimiter<string> Limiter(AttemptLimit limit) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }), StringComparer.Ordinal);

    public void Dispose()
    {
        perClient.Dispose();
        perAccount.Dispose();
    }
}

public static class SignInRateLimits
{
    public static IServiceCollection AddSignInRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SignInLimitOptions>().Bind(configuration.GetSection(SignInLimitOptions.Section))
            .Validate(o => Valid(o.PerClient) && Valid(o.PerAccount),
                "SignInLimits:PerClient and SignInLimits:PerAccount need a PermitLimit of at least 1 and a Window between 1 second and 1 day.")
            .ValidateOnStart();
        services.AddSingleton<SignInThrottle>();
        return services;
    }

    private static bool Valid(AttemptLimit limit) =>
        limit.PermitLimit >= 1 && limit.Window >= TimeSpan.FromSeconds(1) && limit.Window <= TimeSpan.FromDays(1);
}
