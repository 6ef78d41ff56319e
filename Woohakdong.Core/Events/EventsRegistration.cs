using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Enrollment;

namespace Woohakdong.Core.Events;

public static class EventsRegistration
{
    /// <summary>
    /// Events, their kind of seat for the seat engine (<see cref="EventSignupGrant"/>), sign-ups and their reminders;
    /// stands on AddEnrollment, AddOrders and AddNotifications.
    /// </summary>
    public static IServiceCollection AddEvents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EventOptions>().Bind(configuration.GetSection(EventOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EventOptions>, EventOptionsValidator>();
        services.AddHostedService<EventReminderWorker>();
        // Tickets are signed with the app's key ring; the host says where its keys are kept (KeyRingSetup).
        services.AddDataProtection();
        return services
            .AddSingleton<ISeatGrant, EventSignupGrant>()
            .AddScoped<IHoldEndObserver, EventSignupHolds>()
            .AddScoped<IHoldEndObserver, WaitlistOfferHolds>()
            .AddScoped<EventWaitlist>()
            .AddScoped<WaitlistOffers>()
            .AddHostedService<WaitlistOfferWorker>()
            .AddScoped<SignupReturns>()
            .AddScoped<EventCancellation>()
            .AddScoped<EventService>()
            .AddScoped<EventSignups>()
            .AddSingleton<SoldOutEvents>()
            .AddSingleton<CheckInTickets>()
            .AddScoped<CheckIns>()
            .AddScoped<EventReminders>();
    }
}
