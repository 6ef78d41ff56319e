using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Woohakdong.Core.Common;

namespace Woohakdong.Core.Payments.Inbox;

/// <summary>
/// Where the webhook endpoint hands its notices: the webhooks that arrive while one insert is under way are recorded
/// together by the next (one context, one statement, one commit for all of them), and each caller returns only once the
/// insert carrying its notice committed, so PortOne's 200 still means the notice is durable. Nothing waits on purpose: a
/// lone webhook is written at once, and groups only form under load, where they save most.
/// </summary>
public sealed class WebhookIntake(IServiceScopeFactory scopes) : BackgroundService
{
    /// <summary>The most notices one insert carries.</summary>
    public const int MaxGroupSize = 200;

    private sealed record Arrival(PaymentNotice Notice, TaskCompletionSource Recorded);

    private readonly Channel<Arrival> arrivals = Channel.CreateUnbounded<Arrival>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>
    /// Returns once the notice is recorded; throws <see cref="WebhookNotRecordedException"/> when it could not be, and a
    /// Validation <see cref="AppException"/> (naming the webhook's field) when its keys are absent or malformed
    /// (<see cref="PaymentIds"/>).
    /// </summary>
    public Task RecordAsync(string? impUid, string? merchantUid, CancellationToken ct = default)
    {
        var notice = new PaymentNotice(PaymentIds.CheckImpUid(impUid, "imp_uid"), PaymentIds.CheckMerchantUid(merchantUid, "merchant_uid"));
        if (notice is { ImpUid: null, MerchantUid: null }) throw AppException.Validation(ErrorCodes.InvalidInput, "imp_uid");
        var arrival = new Arrival(notice, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!arrivals.Writer.TryWrite(arrival)) throw new WebhookNotRecordedException("this instance is shutting down", null);
        return arrival.Recorded.Task.WaitAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var group = new List<Arrival>(MaxGroupSize);
        try
        {
            while (await arrivals.Reader.WaitToReadAsync(stoppingToken))
            {
                while (group.Count < MaxGroupSize && arrivals.Reader.TryRead(out var arrival)) group.Add(arrival);
                await WriteAsync(group);
                group.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        arrivals.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
        // Anyone still waiting is told to have PortOne try again (at another instance, or this one after its restart).
        while (arrivals.Reader.TryRead(out var arrival))
            arrival.Recorded.TrySetException(new WebhookNotRecordedException("this instance is shutting down", null));
    }

    // Not cancelled by shutdown: a group under way is finished, so its callers get a true answer.
    private async Task WriteAsync(List<Arrival> group)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<WebhookInbox>().RecordAsync([.. group.Select(a => a.Notice)]);
            foreach (var arrival in group) arrival.Recorded.TrySetResult();
        }
        catch (Exception error)
        {
            foreach (var arrival in group) arrival.Recorded.TrySetException(new WebhookNotRecordedException(error.Message, error));
        }
    }
}

/// <summary>A webhook's notice was not recorded (database unreachable, instance stopping); PortOne should send it again.</summary>
public sealed class WebhookNotRecordedException(string reason, Exception? inner) : Exception($"The webhook was not recorded: {reason}", inner);
