using Microsoft.AspNetCore.Hosting;
using Woohakdong.Core.Data;
using Woohakdong.Core.Storage;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Storage;

public sealed class StorageSettingsTests
{
    [Fact]
    public async Task The_production_environment_refuses_the_local_disk_naming_the_setting()
    {
        await using var app = new ProductionApp();

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Storage:Provider must be S3", Flatten(error));
    }

    [Fact]
    public void S3_without_bucket_or_region_is_refused_naming_both()
    {
        var result = new StorageOptionsValidator().Validate(null, new StorageOptions { Provider = StorageProvider.S3 });

        Assert.True(result.Failed);
        Assert.Contains("Storage:S3:Bucket", result.FailureMessage);
        Assert.Contains("Storage:S3:Region", result.FailureMessage);
    }

    private static string Flatten(Exception error) =>
        error is AggregateException aggregate
            ? string.Join(" | ", aggregate.InnerExceptions.Select(Flatten))
            : error.Message + (error.InnerException is null ? "" : " | " + Flatten(error.InnerException));

    /// <summary>PostgreSQL as production requires, so that start-up gets as far as checking the other settings.</summary>
    private sealed class ProductionApp() : AppFactoryBase(DatabaseProvider.Postgres, seedDemo: false)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("Storage:Provider", "LocalDisk");
        }
    }
}
