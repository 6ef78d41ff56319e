using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Woohakdong.Core.Common;

namespace Woohakdong.Web.Hosting;

/// <summary>
/// The one rule for /v1 bodies: a field marked required (<c>[property: Required]</c> on our request records, the C#
/// <c>required</c> modifier on Identity's) must be present and not null, or the answer is 400 FIELD_REQUIRED naming it.
/// A missing field never falls back to a default (a PUT without <c>fee</c> would make a paid club free). System.Text.Json
/// itself is told not to enforce <c>required</c>, so that a missing field and a null one reach this same check, which
/// can name the field.
/// </summary>
public static class RequiredFields
{
    public static IServiceCollection AddRequiredFields(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolver =
            (options.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(LeavePresenceToTheFilter));

    private static void LeavePresenceToTheFilter(JsonTypeInfo type)
    {
        foreach (var property in type.Properties) property.IsRequired = false;
    }
}

/// <summary>
/// Refuses a request before the handler (or Identity) sees a body without a required field. Each endpoint's parameters are
/// read once, when its pipeline is built (a filter type would be made, and its cache with it, for every request); an
/// endpoint without such a parameter gets no filter at all.
/// </summary>
public static class RequiredFieldsFilter
{
    public static TBuilder RequireFields<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((endpoint, next) =>
        {
            var checks = endpoint.MethodInfo.GetParameters()
                .Select((parameter, index) => (Index: index, Required: RequiredOf(parameter.ParameterType)))
                .Where(check => check.Required.Length > 0)
                .ToArray();
            if (checks.Length == 0) return next;
            var problems = endpoint.ApplicationServices.GetRequiredService<Problems>();
            return invocation =>
            {
                foreach (var (index, required) in checks)
                {
                    if (invocation.Arguments[index] is not { } argument) continue;
                    foreach (var (property, field) in required)
                    {
                        if (property.GetValue(argument) is null)
                            return ValueTask.FromResult<object?>(problems.For(StatusCodes.Status400BadRequest, ErrorCodes.FieldRequired, field));
                    }
                }
                return next(invocation);
            };
        });

    private static (PropertyInfo Property, string Field)[] RequiredOf(Type type) =>
    [
        .. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.IsDefined(typeof(RequiredAttribute)) || p.IsDefined(typeof(RequiredMemberAttribute)))
            .Select(p => (p, p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name))),
    ];
}
