using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Accounts;
using Woohakdong.Core.Applications;
using Woohakdong.Core.Calendar;
using Woohakdong.Core.Clubs;
using Woohakdong.Core.Data;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Events;
using Woohakdong.Core.Exports;
using Woohakdong.Core.Items;
using Woohakdong.Core.Joining;
using Woohakdong.Core.Ledger;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Notices;
using Woohakdong.Core.Notifications;
using Woohakdong.Core.Overview;
using Woohakdong.Core.Payments;
using Woohakdong.Core.Storage;

namespace Woohakdong.Core;

public static class FeatureRegistration
{
    /// <summary>
    /// The Core features; the host supplies <see cref="Common.ICurrentUser"/>, and Identity with the account flows that
    /// stand on it (<see cref="AccountFlowsRegistration.AddAccountFlows"/>).
    /// </summary>
    public static IServiceCollection AddWoohakdongCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddWoohakdongData(configuration);
        services.AddNotifications(configuration);
        services.AddScoped<ProfileService>();
        services.AddScoped<ClubService>();
        services.AddScoped<ClubQueries>();
        services.AddScoped<ClubAccess>();
        services.AddSingleton<TermRollover>();
        services.AddScoped<RosterService>();
        services.AddScoped<MemberManagement>();
        services.AddJoining();
        services.AddEnrollment(configuration);
        services.AddPortOneGateway(configuration);
        services.AddOrders(configuration);
        services.AddStorage(configuration);
        services.AddItems(configuration);
        services.AddNotices();
        services.AddLedger();
        services.AddExports();
        services.AddApplications(configuration);
        services.AddOverview();
        services.AddEvents(configuration);
        services.AddCalendar();
        return services;
    }
}
