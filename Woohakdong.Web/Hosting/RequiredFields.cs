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
    public static IServiceCollection AddRequiredFields(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolver =
            (options.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(LeavePresenceToTheFilter));

    private static void LeavePresenceToTheFilter(JsonTypeInfo type)
    {
        foreach (var property in type.Properties) property.IsRequired = false;
    }
}

/// <summary>Refuses a request before the handler (or Identity) sees a body without a required field. One per endpoint.</summary>
public sealed class RequiredFieldsFilter(Problems problems) : IEndpointFilter
{
    private readonly ConcurrentDictionary<Type, (PropertyInfo Property, string Field)[]> requiredOfType = new();

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        foreach (var argument in context.Arguments)
        {
            if (argument is null) continue;
            foreach (var (property, field) in requiredOfType.GetOrAdd(argument.GetType(), Find))
            {
                if (property.GetValue(argument) is null)
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
}
