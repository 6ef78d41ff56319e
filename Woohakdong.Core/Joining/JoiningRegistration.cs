using Microsoft.Extensions.DependencyInjection;

namespace Woohakdong.Core.Joining;

public static class JoiningRegistration
{
    public static IServiceCollection AddJoining(this IServiceCollection services) => services.AddScoped<JoinGroupService>();
}
