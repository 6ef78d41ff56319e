using System.Diagnostics;
using System.Net.Http;

namespace Woohakdong.Tests.Infrastructure;

/// <summary>
/// A private maildev (the npm package test.sh installs) on its own loopback ports, so that a test can stop it, start it
/// again on the same ports, or make it refuse mail, without disturbing the shared server.
/// </summary>
public sealed class MailServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = Eventually.Limit;
    private static readonly HttpClient Http = new();
    private readonly string[] extraArguments;
    private Process? server;

    private MailServerProcess(string[] extraArguments)
    {
        this.extraArguments = extraArguments;
        Server = new MailServer($"127.0.0.1:{SmtpPort}", $"http://127.0.0.1:{ApiPort}");
    }

    public int SmtpPort { get; } = AppProcess.FreeLoopbackPort();
    public int ApiPort { get; } = AppProcess.FreeLoopbackPort();

    /// <summary>What arrived (empty again after a restart: maildev keeps mail in memory).</summary>
    public MailServer Server { get; }

    /// <param name="extraArguments">maildev options, e.g. <c>--max-message-size 100</c> to refuse every mail with 552.</param>
    public static async Task<MailServerProcess> StartAsync(CancellationToken ct, params string[] extraArguments)
    {
        var mail = new MailServerProcess(extraArguments);
        await mail.RestartAsync(ct);
        return mail;
    }

    public async Task RestartAsync(CancellationToken ct)
    {
        if (server is not null) throw new InvalidOperationException("maildev is already running.");
        var start = new ProcessStartInfo("node") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
                 {
                     Path.Combine(TestServices.MailServerPackage, "node_modules", "maildev", "dist", "bin", "maildev.js"),
                     "--smtp", SmtpPort.ToString(), "--ip", "127.0.0.1", "--web", ApiPort.ToString(), "--web-ip", "127.0.0.1", "--silent",
                 }.Concat(extraArguments))
            start.ArgumentList.Add(argument);
        server = Process.Start(start)!;
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        var waited = Stopwatch.StartNew();
        while (!await AnswersAsync(ct))
        {
            if (server.HasExited || waited.Elapsed > StartTimeout)
                throw new InvalidOperationException(server.HasExited
                    ? $"maildev exited with code {server.ExitCode}; test.sh installs it into {TestServices.MailServerPackage}"
                    : $"maildev did not answer on SMTP {SmtpPort} / API {ApiPort}");
            await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
        }
    }

    /// <summary>Kills the server at once, as an SMTP outage would look to the app.</summary>
    public async Task StopAsync()
    {
        if (server is null) return;
        if (!server.HasExited) server.Kill(entireProcessTree: true);
        await server.WaitForExitAsync();
        server.Dispose();
        server = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task<bool> AnswersAsync(CancellationToken ct)
    {
        try
        {
            using var answer = await Http.GetAsync($"http://127.0.0.1:{ApiPort}/api/email", ct);
            using var smtp = new System.Net.Sockets.TcpClient();
            await smtp.ConnectAsync("127.0.0.1", SmtpPort, ct);
            return answer.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }
}
