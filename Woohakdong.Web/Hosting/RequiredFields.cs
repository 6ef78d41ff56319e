using System.Collections.Concurrent;
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
    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, string Field)[]> RequiredOfType = new();

    public static IServiceCollection AddRequiredFields(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolver =
            (options.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(LeavePresenceToTheFilter));

    /// <summary>An endpoint filter: refuses the request before the handler (or Identity) sees a body without a required field.</summary>
    public static ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        foreach (var argument in context.Arguments)
        {
            if (argument is null) continue;
            foreach (var (property, field) in RequiredOfType.GetOrAdd(argument.GetType(), Find))
            {
                if (property.GetValue(argument) is not null) continue;
                var problems = context.HttpContext.RequestServices.GetRequiredService<Problems>();
                return ValueTask.FromResult<object?>(problems.For(StatusCodes.Status400BadRequest, ErrorCodes.FieldRequired, field));
            }
        }
        return next(context);
    }

    private static (PropertyInfo, string)[] Find(Type type) =>
    [
        .. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.IsDefined(typeof(RequiredAttribute)) || p.IsDefined(typeof(RequiredMemberAttribute)))
            .Select(p => (p, p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name))),
    ];

    private static void LeavePresenceToTheFilter(JsonTypeInfo type)
    {
        foreach (var property in type.Properties) property.IsRequired = false;
    }
}
