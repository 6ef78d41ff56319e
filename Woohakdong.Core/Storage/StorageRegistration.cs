using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Woohakdong.Core.Storage;

public static class StorageRegistration
{
    /// <summary><see cref="IObjectStorage"/> as the app's own disk (the default) or S3, per <c>Storage:Provider</c>.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton<UploadKeys>();
        services.AddScoped<ImageUploadService>();
        services.AddScoped<UploadVerifier>();

        var provider = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>()?.Provider ?? StorageProvider.LocalDisk;
        if (provider == StorageProvider.S3)
        {
            services.AddSingleton(sp => S3Clients.Create(sp.GetRequiredService<IOptions<StorageOptions>>().Value.S3));
            services.AddSingleton<IObjectStorage, S3ObjectStorage>();
        }
        else
        {
            services.AddSingleton<LocalObjectSigner>();
            services.AddSingleton<LocalDiskObjectStorage>();
            services.AddSingleton<IObjectStorage>(sp => sp.GetRequiredService<LocalDiskObjectStorage>());
        }
        return services;
    }
}
