using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Woohakdong.Core.Data;

public static class DbErrors
{
    /// <summary>True when a save failed on a unique index, on either provider; other failures are not conflicts.</summary>
    public static bool IsUniqueViolation(this DbUpdateException error) => error.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555, // SQLITE_CONSTRAINT_UNIQUE, _PRIMARYKEY
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
