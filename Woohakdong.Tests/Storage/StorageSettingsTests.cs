using Woohakdong.Core.Storage;

namespace Woohakdong.Tests.Storage;

public sealed class StorageSettingsTests
{
    [Fact]
    public void S3_without_bucket_or_region_is_refused_naming_both()
    {
        var result = new StorageOptionsValidator().Validate(null, new StorageOptions { Provider = StorageProvider.S3 });

        Assert.True(result.Failed);
        Assert.Contains("Storage:S3:Bucket", result.FailureMessage);
        Assert.Contains("Storage:S3:Region", result.FailureMessage);
    }
}
