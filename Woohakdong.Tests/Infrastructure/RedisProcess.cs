using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Woohakdong.Tests.Infrastructure;

/// <summary>
/// A private <c>redis-server</c> (installed by test.sh) on its own loopback port, without persistence, so that a
/// test can stop it and start it again on the same port without disturbing the shared one.
/// </summary>
public sealed class RedisProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = Eventually.Limit;
    private readonly string folder = Directory.CreateTempSubdirectory("woohakdong-redis-").FullName;
    private Process? server;

    public int Port { get; } = AppProcess.FreeLoopbackPort();

    /// <summary>The value for <c>Redis:Configuration</c>.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<RedisProcess> StartAsync(CancellationToken ct)
    {
        var redis = new RedisProcess();
        await redis.RestartAsync(ct);
        return redis;
    }

    /// <summary>Starts the server again on the same port after <see cref="StopAsync"/>; it comes back empty.</summary>
    public async Task RestartAsync(CancellationToken ct)
    {
        if (server is not null) throw new InvalidOperationException("Redis is already running.");
        var start = new ProcessStartInfo("redis-server") { UseShellExecute = false, WorkingDirectory = folder };
        foreach (var argument in new[]
                 {
                     "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", folder,
                     "--logfile", Path.Combine(folder, "redis.log"),
                 })
            start.ArgumentList.Add(argument);
        server = Process.Start(start)!;
        var waited = Stopwatch.StartNew();
        while (!await AnswersPingAsync(ct))
        {
            if (server.HasExited || waited.Elapsed > StartTimeout)
                throw new InvalidOperationException($"redis-server did not answer on {Configuration}; see {folder}/redis.log");
            await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
        }
    }

    /// <summary>Kills the server at once, as a crash or a lost node would.</summary>
    public async Task StopAsync()
    {
        if (server is null) return;
        if (!server.HasExited) server.Kill();
        await server.WaitForExitAsync();
        server.Dispose();
        server = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    private async Task<bool> AnswersPingAsync(CancellationToken ct)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port, ct);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), ct);
            var answer = new byte[7];
            var read = await stream.ReadAsync(answer, ct);
            return Encoding.ASCII.GetString(answer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
