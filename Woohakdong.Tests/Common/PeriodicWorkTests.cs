using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Woohakdong.Core.Common;

namespace Woohakdong.Tests.Common;

/// <summary>
/// Background work starts its passes once the host has started: hosted services start before Kestrel listens, and the
/// demo's first mails (links on the app's own address) were claimed and stranded when the first pass came first.
/// </summary>
public sealed class PeriodicWorkTests
{
    [Fact]
    public async Task No_pass_runs_before_every_hosted_service_has_started_and_the_first_runs_right_after()
    {
        var ct = TestContext.Current.CancellationToken;
        var serverStarting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var serverMayStart = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton<CountingWork>();
        builder.Services.AddSingleton<WakeSignal, Wake>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CountingWork>());
        // Registered after the work, as the web server is: it starts after the work's ExecuteAsync has begun.
        builder.Services.AddHostedService(_ => new SlowStartingServer(serverStarting, serverMayStart));
        using var host = builder.Build();
        var work = host.Services.GetRequiredService<CountingWork>();

        var starting = host.StartAsync(ct);
        await serverStarting.Task.WaitAsync(ct);
        // Without the wait the work's first pass runs inside its own StartAsync, before the "server" is asked to start.
        Assert.Equal(0, work.Passes);

        serverMayStart.SetResult();
        await starting;
        await work.FirstPass.Task.WaitAsync(ct);
        Assert.True(work.HostHadStartedAtFirstPass);
        await host.StopAsync(ct);
    }

    [Fact]
    public async Task A_host_stopped_before_it_started_runs_no_pass()
    {
        var ct = TestContext.Current.CancellationToken;
        var work = new CountingWork(new ServiceCollection().AddSingleton<IHostApplicationLifetime, NeverStarting>()
            .BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(), new Wake(), null);
        await work.StartAsync(ct);
        await work.StopAsync(ct);
        Assert.Equal(0, work.Passes);
    }

    private sealed class CountingWork(IServiceScopeFactory scopes, WakeSignal signal, IHostApplicationLifetime? lifetime)
        : SignalledWork(scopes, signal, TimeSpan.FromHours(1), TimeProvider.System, NullLogger.Instance)
    {
        private int passes;
        public int Passes => Volatile.Read(ref passes);
        public bool HostHadStartedAtFirstPass { get; private set; }
        public TaskCompletionSource FirstPass { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override Task<bool> RunPassAsync(IServiceProvider services, CancellationToken ct)
        {
            if (Interlocked.Increment(ref passes) == 1)
            {
                HostHadStartedAtFirstPass = lifetime?.ApplicationStarted.IsCancellationRequested == true;
                FirstPass.TrySetResult();
            }
            return Task.FromResult(false);
        }
    }

    private sealed class Wake : WakeSignal;

    private sealed class SlowStartingServer(TaskCompletionSource starting, TaskCompletionSource mayStart) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            starting.SetResult();
            await mayStart.Task.WaitAsync(cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class NeverStarting : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;
        public CancellationToken ApplicationStopping => CancellationToken.None;
        public CancellationToken ApplicationStopped => CancellationToken.None;
        public void StopApplication() { }
    }
}
