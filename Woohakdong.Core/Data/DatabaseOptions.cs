using Microsoft.Extensions.Hosting;
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

/// <summary>
/// The SQLite file is the embedded default for development and demos only: the Production environment must name
/// PostgreSQL, so a forgotten setting stops start-up instead of silently writing members to a local file.
/// </summary>
internal sealed class DatabaseOptionsValidator(IHostEnvironment? environment = null) : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (options.Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
            return ValidateOptionsResult.Fail(
                "Database:ConnectionString is required when Database:Provider is Postgres (environment variable Database__ConnectionString).");
        if (options.Provider != DatabaseProvider.Postgres && environment?.IsProduction() == true)
            return ValidateOptionsResult.Fail(
                "Database:Provider must be Postgres in the Production environment (environment variable Database__Provider=Postgres); " +
                "the SQLite file is for development and demos.");
        return ValidateOptionsResult.Success;
    }
}
