using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Enrollment;

namespace Woohakdong.Core.Joining;

public static class JoiningRegistration
{
    /// <summary>Join groups, and their kind of seat for the seat engine (<see cref="MembershipGrant"/>).</summary>
    public static IServiceCollection AddJoining(this IServiceCollection services) =>
        services.AddScoped<JoinGroupService>().AddSingleton<ISeatGrant, MembershipGrant>();
}
