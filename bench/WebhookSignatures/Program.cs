using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using StandardWebhooks;
using Woohakdong.Core.Payments.PortOne;
using Woohakdong.Core.Payments.PortOneV2;

// The cost of the V2 webhook's signature check alone: the app's own WebhookSignatures.Verify (the StandardWebhooks
// package, HMAC-SHA256 over "{id}.{timestamp}.{raw body}", constant-time compare) over a Transaction.Paid body of the
// size PortOne sends, in three cases: signed with the current secret (one HMAC), with the previous secret during a
// rotation (the current one is tried first and refuses: two HMACs and a caught exception), and forged (both refuse).
// In process (no generated project to build on a busy machine). Argument: the folder for BenchmarkDotNet's reports.
var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(5).WithIterationCount(15);
var config = DefaultConfig.Instance.AddJob(job).WithArtifactsPath(args.Length > 0 ? args[0] : "BenchmarkDotNet.Artifacts");
return BenchmarkRunner.Run<SignatureCheck>(config).Reports.All(report => report.Success) ? 0 : 1;

[MemoryDiagnoser]
public class SignatureCheck
{
    private WebhookSignatures verifier = null!;
    private string body = "";
    private HeaderDictionary current = null!, previous = null!, forged = null!;

    /// <summary>Signed anew for each case: a case lasts well under the 5 minutes' tolerance, which <see cref="Check"/> confirms.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var (currentSecret, previousSecret) = (NewSecret(), NewSecret());
        verifier = new WebhookSignatures(Options.Create(new PortOneOptions { V2 = { WebhookSecret = currentSecret, WebhookSecretPrevious = previousSecret } }));
        var now = DateTimeOffset.UtcNow;
        body = JsonSerializer.Serialize(new
        {
            type = "Transaction.Paid",
            timestamp = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            data = new { paymentId = "whb_42_3f1c0e9a8b7d6c5e4f3a2b1c", storeId = "store-4f2d8a1e-9c3b-4e7f-a6d5-0b1c2d3e4f5a", transactionId = Guid.NewGuid().ToString() },
        });
        (current, previous, forged) = (Signed(currentSecret, now), Signed(previousSecret, now), Signed(NewSecret(), now));
        Check();
    }

    [GlobalCleanup]
    public void Check()
    {
        if (!verifier.Verify(body, current) || !verifier.Verify(body, previous) || verifier.Verify(body, forged))
            throw new InvalidOperationException("The signatures no longer verify as intended (past the tolerance?).");
    }

    [Benchmark(Baseline = true)]
    public bool CurrentSecret() => verifier.Verify(body, current);

    [Benchmark]
    public bool PreviousSecretDuringRotation() => verifier.Verify(body, previous);

    [Benchmark]
    public bool Forged() => verifier.Verify(body, forged);

    private HeaderDictionary Signed(string secret, DateTimeOffset at)
    {
        var id = $"msg_{Guid.NewGuid():N}";
        return new HeaderDictionary
        {
            ["webhook-id"] = id,
            ["webhook-timestamp"] = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["webhook-signature"] = new StandardWebhook(secret).Sign(id, at, body),
        };
    }

    private static string NewSecret() => WebhookSignatures.Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
