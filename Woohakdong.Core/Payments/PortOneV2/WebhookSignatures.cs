using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;
using Woohakdong.Core.Payments.PortOne;

namespace Woohakdong.Core.Payments.PortOneV2;

/// <summary>
/// PortOne V2's webhook signature (Standard Webhooks: HMAC-SHA256 over <c>{webhook-id}.{webhook-timestamp}.{raw body}</c>,
/// ±5 minutes, constant-time compare), checked by the StandardWebhooks package against the current secret and, during
/// a rotation, the previous one.
/// </summary>
public sealed class WebhookSignatures(IOptions<PortOneOptions> options)
{
    public const string Prefix = "whsec_";

    private readonly Lazy<StandardWebhook[]> verifiers = new(() =>
        new[] { options.Value.V2.WebhookSecret, options.Value.V2.WebhookSecretPrevious }
            .Where(IsSecret).Select(secret => new StandardWebhook(secret!)).ToArray());

    /// <summary>A <c>whsec_</c> secret whose rest is base64, as PortOne's console shows it.</summary>
    public static bool IsSecret(string? secret)
    {
        if (secret is null || !secret.StartsWith(Prefix, StringComparison.Ordinal) || secret.Length == Prefix.Length) return false;
        var key = new byte[secret.Length];
        return Convert.TryFromBase64String(secret[Prefix.Length..], key, out var written) && written > 0;
    }

    /// <summary>True when one of the configured secrets signed exactly this body with these headers, within the tolerance.</summary>
    public bool Verify(string rawBody, IHeaderDictionary headers)
    {
        foreach (var verifier in verifiers.Value)
        {
            try
            {
                verifier.Verify(rawBody, headers);
                return true;
            }
            catch (Exception refusal) when (refusal is WebhookVerificationException or FormatException or ArgumentException)
            {
                // Not this secret (or no usable headers at all): try the other one.
            }
        }
        return false;
    }
}
