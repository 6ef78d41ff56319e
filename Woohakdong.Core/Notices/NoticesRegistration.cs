using Microsoft.Extensions.DependencyInjection;

namespace Woohakdong.Core.Notices;

public static class NoticesRegistration
{
    /// <summary>Notices (공지) and their reads; needs <c>AddStorage</c> and <c>AddItems</c> (image links).</summary>
    public static IServiceCollection AddNotices(this IServiceCollection services)
    {
        services.AddSingleton<NoticeImageLinks>();
        services.AddSingleton<NoticeAnnouncement>();
        services.AddScoped<NoticeQueries>();
        services.AddScoped<PostNotice>();
        services.AddScoped<EditNotice>();
        services.AddScoped<DeleteNotice>();
        services.AddScoped<NoticeReads>();
        return services;
    }
}
