using Microsoft.Extensions.DependencyInjection;

namespace Woohakdong.Core.Calendar;

public static class CalendarRegistration
{
    public static IServiceCollection AddCalendar(this IServiceCollection services) => services
        .AddScoped<CalendarQueries>()
        .AddScoped<CalendarFeeds>();
}
