using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Data;
using Woohakdong.Core.Payments.PortOne;
using Woohakdong.Core.Storage;
using Woohakdong.Tests.Accounts;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Web.Hosting;

namespace Woohakdong.Tests.Security;

/// <summary>The app outside Development and Testing, as production runs it (HSTS on).</summary>
public sealed class StagingApp : AppFactoryBase
{
    public StagingApp() : base(DatabaseProvider.Sqlite, seedDemo: false) { }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Staging");
    }
}

public sealed class SecurityHeadersTests(AppFactory app, StagingApp staging) : IClassFixture<AppFactory>, IClassFixture<StagingApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/")]
    [InlineData("/account/login")]
    [InlineData("/some/random/page")]
    [InlineData("/v1/clubs")]
    public async Task Every_answer_carries_nosniff_a_referrer_policy_and_one_content_security_policy(string path)
    {
        var response = await app.CreateClient().GetAsync(path, Ct);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        var policy = Header(response, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'self'", policy);
        Assert.Contains("object-src 'none'", policy);
        Assert.Contains("script-src 'self'", policy);
        Assert.DoesNotContain("'unsafe-inline'", policy.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_page_allows_exactly_the_import_map_it_renders_inline()
    {
        var response = await app.CreateClient().GetAsync("/", Ct);
        var page = await AccountBrowser.ParseAsync(response);

        var importMap = page.QuerySelector("script[type=importmap]")!.TextContent;
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(importMap)));

        Assert.Contains($"'sha256-{hash}'", Header(response, "Content-Security-Policy"));
    }

    [Fact]
    public async Task Hsts_is_sent_outside_development_and_testing_only()
    {
        var production = staging.CreateClient(new() { BaseAddress = new Uri("https://woohakdong.example") });
        var testing = app.CreateClient(new() { BaseAddress = new Uri("https://woohakdong.example") });

        var sent = await production.GetAsync("/account/login", Ct);
        var notSent = await testing.GetAsync("/account/login", Ct);

        Assert.StartsWith("max-age=31536000", Header(sent, "Strict-Transport-Security"));
        Assert.False(notSent.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public void The_policy_lets_pages_reach_the_object_store_browsers_see_and_blob_previews()
    {
        var publicStore = Policy(new StorageOptions
        {
            Provider = StorageProvider.S3,
            S3 = new S3StorageOptions { Bucket = "items", Region = "us-east-1", ServiceUrl = "http://minio:9000", PublicServiceUrl = "https://files.woohakdong.example/" },
        });
        var aws = Policy(new StorageOptions { Provider = StorageProvider.S3, S3 = new S3StorageOptions { Bucket = "items", Region = "ap-northeast-2" } });
        var local = Policy(new StorageOptions());

        Assert.Contains("connect-src 'self' https://files.woohakdong.example;", publicStore);
        Assert.Contains("img-src 'self' data: blob: https://files.woohakdong.example;", publicStore);
        Assert.DoesNotContain("minio", publicStore);
        Assert.Contains("connect-src 'self' https://items.s3.ap-northeast-2.amazonaws.com https://items.s3.amazonaws.com;", aws);
        Assert.Contains("connect-src 'self';", local);
        Assert.Contains("img-src 'self' data: blob:;", local);
    }

    [Fact]
    public void Live_mode_allows_PortOnes_sdk_and_payment_windows_and_sandbox_mode_only_the_app()
    {
        var live = Policy(new StorageOptions(), PortOneMode.Live);
        var sandbox = Policy(new StorageOptions(), PortOneMode.Sandbox);

        Assert.Contains($"script-src 'self' {ContentSecurityPolicy.PortOneSdkOrigin}", live);
        Assert.Contains("frame-src 'self' https:", live);
        Assert.DoesNotContain("iamport", sandbox);
        Assert.EndsWith("frame-src 'self'", sandbox);
    }

    private static string Policy(StorageOptions storage, PortOneMode mode = PortOneMode.Sandbox) =>
        new ContentSecurityPolicy(Options.Create(storage), Options.Create(new PortOneOptions { Mode = mode })).For(endpoint: null);

    private static string Header(HttpResponseMessage response, string name)
    {
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        var values = response.Headers.TryGetValues(name, out var found) ? found.ToList() : [];
        return Assert.Single(values);
    }
}
