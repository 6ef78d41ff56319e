using Microsoft.Extensions.Options;

namespace Woohakdong.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Settings under <c>Database</c>. SQLite is the embedded default; PostgreSQL must be named with a connection string.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string DefaultSqliteConnection = "Data Source=App_Data/woohakdong.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string? ConnectionString { get; set; }

    public string EffectiveConnectionString =>
        Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(ConnectionString) ? DefaultSqliteConnection : ConnectionString!;
}

internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options) =>
        options.Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString)
            ? ValidateOptionsResult.Fail(
                "Database:ConnectionString is required when Database:Provider is Postgres " +
                "(environment variable Database__ConnectionString).")
            : ValidateOptionsResult.Success;
}
