using System.Globalization;
using System.Text.Json;

namespace Woohakdong.Web.Endpoints;

/// <summary>
/// The parameters of a PortOne V1 request, from a form or a JSON object alike (PortOne sends and accepts both): our
/// webhook reads its notices with it, the sandbox the requests it answers as PortOne. A body that is neither, or one
/// the reader refuses (a NUL in a form, broken JSON), has no parameters: each caller refuses what it lacks.
/// </summary>
public sealed class PortOneForm
{
    private static readonly PortOneForm Empty = new(new Dictionary<string, string?>());
    private readonly IReadOnlyDictionary<string, string?> values;

    private PortOneForm(IReadOnlyDictionary<string, string?> values) => this.values = values;

    public static async Task<PortOneForm> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(ct);
                return new PortOneForm(form.ToDictionary(field => field.Key, field => (string?)field.Value.ToString()));
            }
            if (request.ContentLength == 0) return Empty;
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            return document.RootElement.ValueKind != JsonValueKind.Object ? Empty : new PortOneForm(
                document.RootElement.EnumerateObject().DistinctBy(property => property.Name).ToDictionary(
                    property => property.Name,
                    property => property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString(),
                        JsonValueKind.Null or JsonValueKind.Undefined => null,
                        _ => property.Value.GetRawText(),
                    }));
        }
        catch (Exception error) when (error is JsonException or InvalidDataException or BadHttpRequestException)
        {
            return Empty;
        }
    }

    /// <summary>The parameter's value; null when it is missing or blank.</summary>
    public string? this[string key] => values.GetValueOrDefault(key) is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>A won amount; PortOne's numbers may carry a <c>.0</c>.</summary>
    public long? Amount(string key) =>
        decimal.TryParse(this[key], NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && decimal.Truncate(value) == value
            ? decimal.ToInt64(value)
            : null;

    public bool Flag(string key) => this[key] is "true" or "True" or "1";
}
