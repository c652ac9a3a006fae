using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace ReferralPortal.VolumeSeeder;

/// <summary>
/// Fills a PostgreSQL database, already migrated and empty, with every row of a seeded SQLite file, table by table
/// with COPY ... FROM STDIN (FORMAT BINARY) (Npgsql's binary import): the same deals, ids and distribution as the
/// SQLite benchmark data, written at COPY speed instead of a million INSERTs. Tables are copied parents first; each
/// value is converted from SQLite's storage (text times, REAL money, 0/1 booleans) to the PostgreSQL column's type,
/// and the identity sequences are moved past the copied ids.
/// </summary>
internal sealed class PostgresCopy(SqliteConnection source, NpgsqlConnection target)
{
    private sealed record Column(string Name, string Type, bool Identity);

    public async Task<ulong> CopyAsync()
    {
        var total = 0UL;
        foreach (var table in await TablesParentsFirstAsync())
        {
            if (table == "__EFMigrationsHistory" || !await SourceHasAsync(table))
            {
                continue;
            }

            var columns = await ColumnsAsync(table);
            var rows = await CopyTableAsync(table, columns);
            total += rows;
            foreach (var identity in columns.Where(c => c.Identity))
            {
                await ExecAsync($"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{identity.Name}'), GREATEST(COALESCE(MAX(\"{identity.Name}\"), 0), 1)) FROM \"{table}\"");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  COPY {table}: {rows:N0} rows"));
        }

        await ExecAsync("ANALYZE");
        return total;
    }

    private async Task<ulong> CopyTableAsync(string table, List<Column> columns)
    {
        var list = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
        await using var read = source.CreateCommand();
        read.CommandText = $"SELECT {list} FROM \"{table}\"";
        await using var reader = await read.ExecuteReaderAsync();
        await using var import = await target.BeginBinaryImportAsync($"COPY \"{table}\" ({list}) FROM STDIN (FORMAT BINARY)");
        while (await reader.ReadAsync())
        {
            await import.StartRowAsync();
            for (var i = 0; i < columns.Count; i++)
            {
                if (reader.IsDBNull(i))
                {
                    await import.WriteNullAsync();
                    continue;
                }

                await WriteAsync(import, columns[i].Type, reader.GetValue(i));
            }
        }

        return await import.CompleteAsync();
    }

    private static Task WriteAsync(NpgsqlBinaryImporter import, string type, object value) => type switch
    {
        "integer" => import.WriteAsync(Convert.ToInt32(value, CultureInfo.InvariantCulture), NpgsqlDbType.Integer),
        "bigint" => import.WriteAsync(Convert.ToInt64(value, CultureInfo.InvariantCulture), NpgsqlDbType.Bigint),
        "smallint" => import.WriteAsync(Convert.ToInt16(value, CultureInfo.InvariantCulture), NpgsqlDbType.Smallint),
        "boolean" => import.WriteAsync(Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0, NpgsqlDbType.Boolean),
        "numeric" => import.WriteAsync(Math.Round(Convert.ToDecimal(value, CultureInfo.InvariantCulture), 2), NpgsqlDbType.Numeric),
        "date" => import.WriteAsync(DateOnly.Parse((string)value, CultureInfo.InvariantCulture), NpgsqlDbType.Date),
        // SQLite keeps DateTime (and DateTimeOffset) as text; the portal's instants are UTC.
        "timestamp with time zone" => import.WriteAsync(
            DateTimeOffset.Parse((string)value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).UtcDateTime, NpgsqlDbType.TimestampTz),
        "bytea" => import.WriteAsync((byte[])value, NpgsqlDbType.Bytea),
        // SQLite keeps a Guid as text (a benchmarked file holds the wizard scenario's drafts).
        "uuid" => import.WriteAsync(value is byte[] bytes ? new Guid(bytes) : Guid.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!), NpgsqlDbType.Uuid),
        _ => import.WriteAsync(Convert.ToString(value, CultureInfo.InvariantCulture)!, NpgsqlDbType.Text),
    };

    private async Task<List<string>> TablesParentsFirstAsync()
    {
        var tables = new List<string>();
        await using (var command = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name", target))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var parents = tables.ToDictionary(t => t, _ => new HashSet<string>());
        await using (var command = new NpgsqlCommand("SELECT c.relname, p.relname FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid WHERE k.contype = 'f'", target))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                if (parents.TryGetValue(reader.GetString(0), out var set) && reader.GetString(0) != reader.GetString(1))
                {
                    set.Add(reader.GetString(1));
                }
            }
        }

        var ordered = new List<string>();
        while (ordered.Count < tables.Count)
        {
            var ready = tables.Where(t => !ordered.Contains(t) && parents[t].All(ordered.Contains)).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException("The foreign keys form a cycle: " + string.Join(", ", tables.Except(ordered)));
            }

            ordered.AddRange(ready);
        }

        return ordered;
    }

    private async Task<List<Column>> ColumnsAsync(string table)
    {
        var columns = new List<Column>();
        await using var command = new NpgsqlCommand("SELECT column_name, data_type, is_identity FROM information_schema.columns WHERE table_schema = 'public' AND table_name = @t ORDER BY ordinal_position", target);
        command.Parameters.AddWithValue("t", table);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add(new Column(reader.GetString(0), reader.GetString(1), reader.GetString(2) == "YES"));
        }

        return columns;
    }

    private async Task<bool> SourceHasAsync(string table)
    {
        await using var command = source.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $t";
        command.Parameters.AddWithValue("$t", table);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    private async Task ExecAsync(string sql)
    {
        await using var command = new NpgsqlCommand(sql, target);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>The PostgreSQL database the seeder fills: created anew, migrated by the app's migrations, then copied into.</summary>
internal static class PostgresTarget
{
    public static async Task FillAsync(string connectionString, string sqliteConnectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var name = target.Database ?? throw new ArgumentException("The --postgres connection string names no Database.");
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        await using (var server = new NpgsqlConnection(maintenance))
        {
            await server.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", server);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", server);
            await create.ExecuteNonQueryAsync();
        }

        var options = new DbContextOptionsBuilder<ReferralPortal.Data.ReferralsDbContext>()
            .UseNpgsql(connectionString, x => x.MigrationsAssembly("ReferralPortal.Data.Postgres")).Options;
        await using (var db = new ReferralPortal.Data.ReferralsDbContext(options))
        {
            await db.Database.MigrateAsync();
        }

        SqliteConnection.ClearAllPools();
        await using var source = new SqliteConnection(sqliteConnectionString);
        await source.OpenAsync();
        await using var pg = new NpgsqlConnection(connectionString);
        await pg.OpenAsync();
        await new PostgresCopy(source, pg).CopyAsync();
    }
}
