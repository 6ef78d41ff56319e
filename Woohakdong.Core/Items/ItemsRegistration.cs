using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Woohakdong.Core.Items;

public static class ItemsRegistration
{
    /// <summary>Items and loans, their queries, and the sweep of uploads never attached, the daily overdue notices; needs <c>AddStorage</c>.</summary>
    public static IServiceCollection AddItems(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ItemOptions>().Bind(configuration.GetSection(ItemOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ItemOptions>, ItemOptionsValidator>();
        services.AddSingleton<ItemImageUrls>();
        services.AddSingleton<LoanReader>();
        services.AddScoped<RegisterItem>();
        services.AddScoped<EditItem>();
        services.AddScoped<DeleteItem>();
        services.AddScoped<BorrowItem>();
        services.AddScoped<ReturnItem>();
        services.AddScoped<ItemQueries>();
        services.AddScoped<LoanQueries>();
        services.AddScoped<OrphanUploadSweep>();
        services.AddHostedService<OrphanUploadSweeper>();
        services.AddScoped<OverdueNotices>();
        services.AddHostedService<OverdueNoticeWorker>();
        return services;
    }
}
