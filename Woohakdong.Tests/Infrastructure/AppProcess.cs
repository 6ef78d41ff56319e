using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Woohakdong.Tests.Infrastructure;

/// <summary>
/// The built web app as its own OS process on a loopback port, configured only through environment variables, the
/// way a deployment runs it. Disposing kills its process tree; <see cref="RecentOutput"/> keeps its last lines of
/// output for failure messages.
/// </summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    private const int KeptLines = 200;
    private const int FailureLines = 40;
    private static readonly TimeSpan StartTimeout = Eventually.Limit;
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();
    // Error entries ("fail:" and the lines after it) are kept apart: a crowd's warnings would push them out of `output`.
    private readonly ConcurrentQueue<string> failures = new();
    // The app binds port 0 and says which port it got: a port picked here and freed before the app binds it could be
    // taken meanwhile by another test's server, whose /health would then pass for this one's.
    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int failureLinesLeft;

    private AppProcess(string name, Process process)
    {
        Name = name;
        this.process = process;
    }

    /// <summary>Sign-in limits high enough for a test's crowd of sign-ups from one address.</summary>
    public static readonly IReadOnlyDictionary<string, string> LiftedSignInLimits = new Dictionary<string, string>
    {
        ["SignInLimits:PerClient:PermitLimit"] = "1000000",
        ["SignInLimits:PerAccount:PermitLimit"] = "1000000",
    };

    public string Name { get; }

    /// <summary>The address the app listens on, known once it has said so (before <see cref="StartAsync"/> returns).</summary>
    public Uri BaseAddress => listening.Task.IsCompletedSuccessfully
        ? listening.Task.Result
        : throw new InvalidOperationException($"{Name} has not said where it listens yet.");

    /// <summary>
    /// Starts the app and waits until <c>/health</c> answers 200. <paramref name="settings"/> are configuration keys
    /// ("Section:Key"), passed as environment variables ("Section__Key"); the environment is Production unless
    /// <paramref name="environment"/> says otherwise, and the demo data is off.
    /// </summary>
    public static async Task<AppProcess> StartAsync(
        string name, IReadOnlyDictionary<string, string> settings, string environment = "Production", CancellationToken ct = default)
    {
        var folder = WebBuildFolder();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(folder, "Woohakdong.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        // Nothing from the test runner's own hosting settings may leak into the app.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(key);
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["Demo__Seed"] = "false";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in LiftedSignInLimits.Concat(settings)) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var app = new AppProcess(name, process);
        process.OutputDataReceived += (_, line) => app.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => app.Keep(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await app.WaitUntilHealthyAsync(ct);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return app;
    }

    /// <summary>A client for this instance; the crowd tests need many connections at once, not the default handful.</summary>
    public HttpClient CreateClient() =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(100),
        };

    /// <summary>The error entries ("fail:" and the lines after each) the process has logged so far.</summary>
    public IReadOnlyCollection<string> LoggedErrors => failures;

    public string RecentOutput =>
        $"--- last output of {Name} ({(listening.Task.IsCompletedSuccessfully ? listening.Task.Result : "not listening")}) ---\n{string.Join('\n', output)}" +
        (failures.IsEmpty ? "" : $"\n--- errors logged by {Name} ---\n{string.Join('\n', failures)}");

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await process.WaitForExitAsync(wait.Token);
        }
        catch (Exception error) when (error is InvalidOperationException or OperationCanceledException)
        {
            // Never started, or would not die in time: nothing more a test can do about it.
        }
        process.Dispose();
    }

    private async Task WaitUntilHealthyAsync(CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        using var client = new HttpClient { BaseAddress = await WaitUntilListeningAsync(deadline, ct), Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            if (process.HasExited)
            {
                // Let the output readers drain what the process wrote before it died.
                await process.WaitForExitAsync(ct);
                throw new InvalidOperationException($"{Name} exited with code {process.ExitCode} before it was healthy.\n{RecentOutput}");
            }
            if (deadline.Elapsed > StartTimeout)
                throw new TimeoutException($"{Name} was not healthy within {StartTimeout.TotalSeconds:0} s.\n{RecentOutput}");
            try
            {
                using var health = await client.GetAsync("/health", ct);
                if (health.StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                // Not listening yet.
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
        }
    }

    private async Task<Uri> WaitUntilListeningAsync(Stopwatch deadline, CancellationToken ct)
    {
        var exited = process.WaitForExitAsync(ct);
        var first = await Task.WhenAny(listening.Task, exited, Task.Delay(StartTimeout - deadline.Elapsed, ct));
        if (first == listening.Task) return await listening.Task;
        ct.ThrowIfCancellationRequested();
        if (first == exited) throw new InvalidOperationException($"{Name} exited with code {process.ExitCode} before it listened.\n{RecentOutput}");
        throw new TimeoutException($"{Name} did not listen within {StartTimeout.TotalSeconds:0} s.\n{RecentOutput}");
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        if (!listening.Task.IsCompleted && ListeningLine().Match(line) is { Success: true } match)
            listening.TrySetResult(new Uri(match.Groups["address"].Value));
        output.Enqueue(line);
        while (output.Count > KeptLines) output.TryDequeue(out _);
        if (line.StartsWith("fail:", StringComparison.Ordinal)) failureLinesLeft = FailureLines;
        if (failureLinesLeft > 0 && failures.Count < KeptLines)
        {
            failureLinesLeft--;
            failures.Enqueue(line);
        }
    }

    /// <summary>The Web project's own build output beside this test assembly's (same configuration and framework).</summary>
    private static string WebBuildFolder()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var solution = testOutput.Parent.Parent!.Parent!.Parent!.FullName;
        var folder = Path.Combine(solution, "Woohakdong.Web", "bin", configuration, framework);
        if (!File.Exists(Path.Combine(folder, "Woohakdong.Web.dll")))
            throw new FileNotFoundException($"The web app is not built in {folder}; build the solution first.");
        return folder;
    }

    [GeneratedRegex(@"Now listening on: (?<address>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
