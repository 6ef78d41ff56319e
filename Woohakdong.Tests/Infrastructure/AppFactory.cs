using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Data;

namespace Woohakdong.Tests.Infrastructure;

/// <summary>
/// The whole app in-process on a fresh database. <see cref="StartOnRealPort"/> serves it on Kestrel so that
/// chromium can reach it (TestServer alone cannot be reached from outside the process).
/// </summary>
public abstract class AppFactoryBase(DatabaseProvider provider, bool seedDemo) : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly TestDatabase database = TestDatabase.Create(provider);
    // The local disk store (the default) writes here, never into the source tree's App_Data.
    private readonly string objectRoot = Path.Combine(Path.GetTempPath(), $"woohakdong-objects-{Guid.NewGuid():N}");
    // So does the local mail outbox, unless the fixture sends through the SMTP server (UseMailServer).
    private readonly string mailRoot = Path.Combine(Path.GetTempPath(), $"woohakdong-mail-{Guid.NewGuid():N}");
    public DatabaseProvider Provider => provider;

    /// <summary>Extra settings (as "Section:Key" → value) a fixture needs; applied before start.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    private readonly List<Action<IServiceCollection>> serviceReplacements = [];
    private bool onRealPort;

    /// <summary>Replaces services before start, e.g. a remote API's fake; applied after the app's own registrations.</summary>
    public void ConfigureServices(Action<IServiceCollection> replace) => serviceReplacements.Add(replace);

    /// <summary>Sends e-mail through the SMTP server test.sh started (maildev; read it with <see cref="MailServer"/>).</summary>
    public void UseMailServer(string smtp)
    {
        var (host, port) = (smtp[..smtp.LastIndexOf(':')], smtp[(smtp.LastIndexOf(':') + 1)..]);
        Settings["Email:Smtp:Host"] = host;
        Settings["Email:Smtp:Port"] = port;
        Settings["Email:Smtp:UseTls"] = "false";
    }

    /// <summary>Starts Kestrel on a free loopback port and returns its base address.</summary>
    public Uri StartOnRealPort()
    {
        onRealPort = true;
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new Uri(address.Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1"));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development, blazor.web.js and MudBlazor's assets are served only when published or asked for here.
        builder.UseStaticWebAssets();
        builder.UseSetting("Database:Provider", provider.ToString());
        builder.UseSetting("Database:ConnectionString", database.ConnectionString);
        builder.UseSetting("Demo:Seed", seedDemo ? "true" : "false");
        builder.UseSetting("Storage:LocalDisk:Root", objectRoot);
        builder.UseSetting("Email:PickupDirectory", mailRoot);
        // TestServer listens nowhere, so mailed links cannot point at the app's own address; on Kestrel they do.
        if (!onRealPort) builder.UseSetting("Email:LinkBaseUrl", "http://localhost/");
        // Tests sign hundreds of accounts in from one address: the sign-in limits are lifted unless a fixture sets them.
        foreach (var (key, value) in AppProcess.LiftedSignInLimits) builder.UseSetting(key, value);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services => services.AddSingleton(this));
        builder.ConfigureTestServices(services => serviceReplacements.ForEach(replace => replace(services)));
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await database.DisposeAsync();
        if (Directory.Exists(objectRoot)) Directory.Delete(objectRoot, recursive: true);
        if (Directory.Exists(mailRoot)) Directory.Delete(mailRoot, recursive: true);
        GC.SuppressFinalize(this);
    }
}

/// <summary>The app on a fresh SQLite file, without demo data.</summary>
public sealed class AppFactory() : AppFactoryBase(DatabaseProvider.Sqlite, seedDemo: false);

/// <summary>The app on a fresh PostgreSQL database, as in production.</summary>
public sealed class PostgresAppFactory() : AppFactoryBase(DatabaseProvider.Postgres, seedDemo: false);

/// <summary>The embedded default as a user first sees it: SQLite with the demo club and accounts.</summary>
public sealed class DemoAppFactory() : AppFactoryBase(DatabaseProvider.Sqlite, seedDemo: true);
