using Amazon.S3;
using Woohakdong.Core.Data;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Storage;

/// <summary>The whole app with one object store; <see cref="ObjectClient"/> is what a browser would PUT and GET with.</summary>
public abstract class StorageApp : AppFactoryBase
{
    protected StorageApp() : base(DatabaseProvider.Sqlite, seedDemo: false) { }

    public abstract HttpClient ObjectClient { get; }

    public virtual Task PrepareAsync(CancellationToken ct) => Task.CompletedTask;
}

/// <summary>LocalDisk under a temporary folder; its URLs are the app's own, so the in-process client reaches them.</summary>
public sealed class LocalDiskStorageApp : StorageApp
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"woohakdong-objects-{Guid.NewGuid():N}");
    private HttpClient? client;

    public LocalDiskStorageApp()
    {
        Settings["Storage:Provider"] = "LocalDisk";
        Settings["Storage:LocalDisk:Root"] = root;
    }

    public override HttpClient ObjectClient => client ??= CreateClient();

    public override async ValueTask DisposeAsync()
    {
        client?.Dispose();
        await base.DisposeAsync();
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }
}

/// <summary>
/// The S3-compatible test server, which verifies signatures and expiry, with a bucket of its own. Credentials reach
/// the app as the standard AWS environment variables, as they would in production.
/// </summary>
public sealed class S3StorageApp : StorageApp
{
    private readonly string bucket = $"test-{Guid.NewGuid():N}";
    private readonly HttpClient client = new();
    private readonly Lazy<Task> bucketCreated;

    public S3StorageApp()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", TestS3.AccessKey);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", TestS3.SecretKey);
        Settings["Storage:Provider"] = "S3";
        Settings["Storage:S3:Bucket"] = bucket;
        Settings["Storage:S3:Region"] = TestS3.Region;
        Settings["Storage:S3:ServiceUrl"] = TestServices.S3ServiceUrl;
        bucketCreated = new Lazy<Task>(CreateBucketAsync);
    }

    public override HttpClient ObjectClient => client;

    public override Task PrepareAsync(CancellationToken ct) => bucketCreated.Value;

    private async Task CreateBucketAsync()
    {
        using var s3 = TestS3.CreateClient();
        await s3.PutBucketAsync(bucket);
    }

    public override async ValueTask DisposeAsync()
    {
        client.Dispose();
        await base.DisposeAsync();
    }
}
