using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Woohakdong.Core.Storage;

public enum StorageProvider
{
    LocalDisk,
    S3,
}

/// <summary>Settings under <c>Storage</c>. LocalDisk is the embedded default; S3 needs a bucket and a region.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.LocalDisk;
    public TimeSpan UploadUrlLifetime { get; set; } = TimeSpan.FromMinutes(5);
    public LocalDiskStorageOptions LocalDisk { get; set; } = new();
    public S3StorageOptions S3 { get; set; } = new();
}

public sealed class LocalDiskStorageOptions
{
    public string Root { get; set; } = "App_Data/objects";

    /// <summary>Base64 HMAC key (at least 32 bytes); when absent, a key made at start-up signs this process's URLs.</summary>
    public string? SigningKey { get; set; }
}

/// <summary>Credentials come from the standard AWS settings (AWS_ACCESS_KEY_ID, profiles, instance roles).</summary>
public sealed class S3StorageOptions
{
    public string? Bucket { get; set; }
    public string? Region { get; set; }

    /// <summary>An S3-compatible store's address (e.g. http://127.0.0.1:4571); path-style addressing is then used.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>
    /// The store's address as browsers reach it, when it differs from <see cref="ServiceUrl"/> (the app talks to
    /// http://minio:9000 inside the network, browsers to https://files.example.com). A presigned URL's signature covers
    /// its host, so presigned URLs are signed for this address.
    /// </summary>
    public string? PublicServiceUrl { get; set; }
}

/// <summary>
/// The local disk is for development and demos only: the Production environment must name S3, so a forgotten setting
/// stops start-up instead of filling one instance's disk with images the other instances cannot serve.
/// </summary>
internal sealed class StorageOptionsValidator(IHostEnvironment? environment = null) : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var problems = new List<string>();
        if (options.UploadUrlLifetime <= TimeSpan.Zero)
            problems.Add("Storage:UploadUrlLifetime must be a positive time span (e.g. 00:05:00).");
        if (options.Provider == StorageProvider.LocalDisk && environment?.IsProduction() == true)
            problems.Add("Storage:Provider must be S3 in the Production environment (environment variable Storage__Provider=S3); " +
                         "the local disk is for development and demos.");
        if (options.Provider == StorageProvider.S3)
        {
            if (string.IsNullOrWhiteSpace(options.S3.Bucket)) problems.Add("Storage:S3:Bucket is required when Storage:Provider is S3.");
            if (string.IsNullOrWhiteSpace(options.S3.Region)) problems.Add("Storage:S3:Region is required when Storage:Provider is S3.");
            if (options.S3.PublicServiceUrl is not null && string.IsNullOrWhiteSpace(options.S3.ServiceUrl))
                problems.Add("Storage:S3:PublicServiceUrl needs Storage:S3:ServiceUrl: it is the public face of an S3-compatible store.");
        }
        if (options.LocalDisk.SigningKey is { } key && !IsLongBase64(key))
            problems.Add("Storage:LocalDisk:SigningKey must be base64 of at least 32 bytes.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static bool IsLongBase64(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var length) && length >= 32;
    }
}
