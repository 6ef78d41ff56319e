using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Data;

namespace Woohakdong.Web.Hosting;

/// <summary>
/// Settings under <c>DataProtection</c>: the certificate (a PFX file) whose public key encrypts the data-protection keys
/// before they are written to the database, so that a copy of the database alone forges no cookie or token.
/// Required in Production.
/// </summary>
public sealed class KeyRingOptions
{
    public const string Section = "DataProtection";

    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }

    public X509Certificate2 LoadCertificate() =>
        X509CertificateLoader.LoadPkcs12FromFile(CertificatePath!, CertificatePassword, X509KeyStorageFlags.EphemeralKeySet);

    public static bool IsUnreadable(Exception error) => error is CryptographicException or IOException or UnauthorizedAccessException;
}

public static class KeyRingSetup
{
    /// <summary>
    /// Keys live in the shared database, so a cookie or token issued by one instance is accepted by every other; with a
    /// certificate configured they are stored encrypted with it and decrypted with its private key.
    /// </summary>
    public static IServiceCollection AddSharedKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KeyRingOptions>().Bind(configuration.GetSection(KeyRingOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<KeyRingOptions>, KeyRingOptionsValidator>();
        var keyRing = services.AddDataProtection().SetApplicationName("Woohakdong").PersistKeysToDbContext<AppDbContext>();
        // A certificate that cannot be read is left to the validator, which stops start-up naming the setting.
        if (TryLoadCertificate(configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>()) is { } certificate)
            keyRing.ProtectKeysWithCertificate(certificate);
        return services;
    }

    private static X509Certificate2? TryLoadCertificate(KeyRingOptions? options)
    {
        if (string.IsNullOrWhiteSpace(options?.CertificatePath)) return null;
        try
        {
            return options.LoadCertificate();
        }
        catch (Exception error) when (KeyRingOptions.IsUnreadable(error))
        {
            return null;
        }
    }
}

internal sealed class KeyRingOptionsValidator(IHostEnvironment environment) : IValidateOptions<KeyRingOptions>
{
    public ValidateOptionsResult Validate(string? name, KeyRingOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.CertificatePath))
            return environment.IsProduction()
                ? ValidateOptionsResult.Fail(
                    "DataProtection:CertificatePath is required in the Production environment (environment variable DataProtection__CertificatePath): " +
                    "a PFX file whose certificate encrypts the sign-in keys stored in the database.")
                : ValidateOptionsResult.Success;
        try
        {
            using var certificate = options.LoadCertificate();
            return certificate.HasPrivateKey
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"DataProtection:CertificatePath {options.CertificatePath} holds no private key: keys could be written but never read.");
        }
        catch (Exception error) when (KeyRingOptions.IsUnreadable(error))
        {
            return ValidateOptionsResult.Fail(
                $"DataProtection:CertificatePath {options.CertificatePath} could not be read as a PFX file with DataProtection:CertificatePassword: {error.Message}");
        }
    }
}
