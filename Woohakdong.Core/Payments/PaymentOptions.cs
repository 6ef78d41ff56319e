using Microsoft.Extensions.Options;

namespace Woohakdong.Core.Payments;

/// <summary>Settings under <c>Payments</c> for settling orders; every one has a working default.</summary>
public sealed class PaymentOptions
{
    public const string Section = "Payments";

    /// <summary>How long an order may wait for its webhook or callback before the reconciler asks the gateway itself.</summary>
    public TimeSpan ReconcileAfter { get; set; } = TimeSpan.FromMinutes(2);
    /// <summary>How often each instance looks for orders to reconcile.</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>How long a worker holds a claimed webhook; one it did not settle by then (crash, gateway error) is taken again.</summary>
    public TimeSpan NoticeRetryAfter { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>How often each instance looks for webhooks it was not told about (recorded elsewhere, or left by a crash).</summary>
    public TimeSpan NoticePollInterval { get; set; } = TimeSpan.FromSeconds(2);
}

internal sealed class PaymentOptionsValidator : IValidateOptions<PaymentOptions>
{
    public ValidateOptionsResult Validate(string? name, PaymentOptions options)
    {
        var problems = new List<string>();
        if (options.ReconcileAfter <= TimeSpan.Zero) problems.Add($"{PaymentOptions.Section}:ReconcileAfter must be a positive time span (e.g. 00:02:00).");
        if (options.ReconcileInterval <= TimeSpan.Zero) problems.Add($"{PaymentOptions.Section}:ReconcileInterval must be a positive time span (e.g. 00:00:30).");
        if (options.NoticeRetryAfter <= TimeSpan.Zero) problems.Add($"{PaymentOptions.Section}:NoticeRetryAfter must be a positive time span (e.g. 00:00:30).");
        if (options.NoticePollInterval <= TimeSpan.Zero) problems.Add($"{PaymentOptions.Section}:NoticePollInterval must be a positive time span (e.g. 00:00:02).");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
