namespace Woohakdong.Core.Data;

/// <summary>
/// A value as the model stores it, for SQL written by hand: SQLite keeps times as UTC ticks and notifications keep
/// their kind by name, conversions EF applies to its own statements but not to a raw parameter.
/// </summary>
internal static class StoredValue
{
    public static object? Of<TEntity>(AppDbContext db, string property, object? value)
    {
        var converter = db.Model.FindEntityType(typeof(TEntity))!.FindProperty(property)!.GetTypeMapping().Converter;
        return converter is null ? value : converter.ConvertToProvider(value);
    }
}
