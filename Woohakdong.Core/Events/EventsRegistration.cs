using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Enrollment;

namespace Woohakdong.Core.Events;

public static class EventsRegistration
{
    /// <summary>Events, their kind of seat for the seat engine (<see cref="EventSignupGrant"/>) and sign-ups; stands on AddEnrollment and AddOrders.</summary>
    public static IServiceCollection AddEvents(this IServiceCollection services)
    {
        // Tickets are signed with the app's key ring; the host says where its keys are kept (KeyRingSetup).
        services.AddDataProtection();
        return services
            .AddSingleton<ISeatGrant, EventSignupGrant>()
            .AddScoped<IHoldEndObserver, EventSignupHolds>()
            .AddScoped<SignupReturns>()
            .AddScoped<EventCancellation>()
            .AddScoped<EventService>()
            .AddScoped<EventSignups>()
            .AddSingleton<CheckInTickets>()
            .AddScoped<CheckIns>();
    }
}
