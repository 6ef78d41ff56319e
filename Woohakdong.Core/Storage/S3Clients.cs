using Amazon.S3;

namespace Woohakdong.Core.Storage;

/// <summary>
/// The client the app uses to reach the store, and the one that signs the URLs browsers use: the same client unless
/// <see cref="S3StorageOptions.PublicServiceUrl"/> names another address. Signing makes no request, so the signer
/// never needs to reach that address itself.
/// </summary>
public sealed class S3Clients(IAmazonS3 store, IAmazonS3 signer) : IDisposable
{
    public IAmazonS3 Store => store;
    public IAmazonS3 Signer => signer;

    public static S3Clients Create(S3StorageOptions settings)
    {
        var store = S3ObjectStorage.CreateClient(settings, settings.ServiceUrl);
        return settings.PublicServiceUrl is { } publicUrl
            ? new S3Clients(store, S3ObjectStorage.CreateClient(settings, publicUrl))
            : new S3Clients(store, store);
    }

    public void Dispose()
    {
        store.Dispose();
        if (!ReferenceEquals(signer, store)) signer.Dispose();
    }
}
