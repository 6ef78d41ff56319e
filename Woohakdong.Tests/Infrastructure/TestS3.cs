using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Woohakdong.Tests.Infrastructure;

/// <summary>Clients for the S3-compatible test server that test.sh starts; each test makes its own bucket.</summary>
public static class TestS3
{
    /// <summary>The server accepts only this key pair and verifies every signature made with it.</summary>
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";
    public const string Region = "us-east-1";

    public static AmazonS3Client CreateClient() => new(new BasicAWSCredentials(AccessKey, SecretKey), new AmazonS3Config
    {
        ServiceURL = TestServices.S3ServiceUrl,
        AuthenticationRegion = Region,
        ForcePathStyle = true,
        // The SDK's default streams aws-chunked bodies with trailing checksums, which the test server does not take.
        RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
        ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
    });

    public static async Task<string> CreateBucketAsync(IAmazonS3 s3, CancellationToken cancellationToken)
    {
        var name = $"test-{Guid.NewGuid():N}";
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = name }, cancellationToken);
        return name;
    }
}
