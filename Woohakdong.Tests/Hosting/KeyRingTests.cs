using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Data;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Hosting;

public sealed class KeyRingTests : IDisposable
{
    private const string Password = "key-ring-test";
    private readonly string folder = Directory.CreateTempSubdirectory("woohakdong-keyring-").FullName;

    [Fact]
    public async Task With_a_certificate_the_keys_are_stored_encrypted_and_another_instance_reads_them()
    {
        var certificate = WriteCertificate("keys.pfx");
        await using var first = new AppFactory();
        first.Settings["DataProtection:CertificatePath"] = certificate;
        first.Settings["DataProtection:CertificatePassword"] = Password;
        var secret = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("회원 쿠키");

        await using (var db = await first.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            var stored = Assert.Single(await db.DataProtectionKeys.Select(key => key.Xml).ToListAsync(TestContext.Current.CancellationToken));
            Assert.Contains("<encryptedSecret", stored);
            Assert.DoesNotContain("<masterKey", stored);
        }

        // A second instance on the same database, with the same certificate, unprotects what the first protected.
        await using var second = new AppFactory();
        second.Settings["Database:ConnectionString"] = ConnectionStringOf(first);
        second.Settings["DataProtection:CertificatePath"] = certificate;
        second.Settings["DataProtection:CertificatePassword"] = Password;
        Assert.Equal("회원 쿠키", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(secret));
    }

    [Fact]
    public async Task An_unreadable_certificate_stops_start_up_naming_the_setting()
    {
        var settings = new Dictionary<string, string>
        {
            ["DataProtection:CertificatePath"] = WriteCertificate("keys.pfx"),
            ["DataProtection:CertificatePassword"] = "wrong password",
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(folder, "app.db")}",
        };

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(
            () => AppProcess.StartAsync("unreadable certificate", settings, "Staging", TestContext.Current.CancellationToken));

        Assert.Contains("exited with code 1 ", refusal.Message);
        Assert.Contains("Woohakdong cannot start: DataProtection:CertificatePath", refusal.Message);
    }

    private static string ConnectionStringOf(AppFactory app) =>
        app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value.EffectiveConnectionString;

    private string WriteCertificate(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=woohakdong-key-ring", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
