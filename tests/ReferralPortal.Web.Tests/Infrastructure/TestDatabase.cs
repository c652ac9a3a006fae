using Microsoft.EntityFrameworkCore;
using Npgsql;
using ReferralPortal.Data;
using ReferralPortal.Web.Infrastructure;

namespace ReferralPortal.Web.Tests.Infrastructure;

/// <summary>
/// The database one test class works on. SQLite by default (a new file); PostgreSQL when the environment
/// variable <see cref="Variable"/> holds a connection string to a server: then each test class gets a database
/// of its own, copied (CREATE DATABASE ... TEMPLATE) from one that this test process migrated and demo-seeded
/// once, so a class starts from the same demo as on SQLite in a fraction of the time.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public const string Variable = "REFERRALS_TEST_POSTGRES";

    public const string PostgresSkipReason =
        $"Needs a PostgreSQL server: set {Variable} to a connection string (bash .ci/run starts a throw-away server and sets it).";

    public const string SqliteOnlySkipReason = $"SQLite only; this run is on PostgreSQL ({Variable} is set).";

    private static readonly Lazy<string> Template = new(CreateTemplate);
    private static readonly SemaphoreSlim CopyGate = new(1, 1);

    private readonly Lazy<string> connection;
    private readonly string? sqlitePath;
    private readonly string? databaseName;

    private TestDatabase(Lazy<string> connection, string? sqlitePath, string? databaseName)
    {
        this.connection = connection;
        this.sqlitePath = sqlitePath;
        this.databaseName = databaseName;
    }

    /// <summary>The server's connection string when the tests run on PostgreSQL; null on SQLite.</summary>
    public static string? PostgresServer => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;

    public static bool IsPostgres => PostgresServer is not null;

    /// <summary>The <c>Database:Provider</c> value of this run.</summary>
    public static string Provider => IsPostgres ? "Postgres" : "Sqlite";

    public string ConnectionString => connection.Value;

    /// <summary>A demo-seeded database on PostgreSQL (a copy of the template); a new, empty SQLite file that the app migrates and seeds.</summary>
    public static TestDatabase ForTestClass()
    {
        if (PostgresServer is null)
        {
            var path = Path.Combine(Path.GetTempPath(), $"rp-test-{Guid.NewGuid():N}.db");
            return new TestDatabase(new Lazy<string>($"Data Source={path}"), path, null);
        }

        var name = $"rp_test_{Guid.NewGuid():N}";
        return new TestDatabase(new Lazy<string>(() => CopyTemplate(name)), null, name);
    }

    /// <summary>An empty database (no tables): whoever uses it migrates it (the app with Database:MigrateOnStartup).</summary>
    public static TestDatabase Empty()
    {
        if (PostgresServer is null)
        {
            return ForTestClass();
        }

        var name = $"rp_test_{Guid.NewGuid():N}";
        return new TestDatabase(new Lazy<string>(() =>
        {
            Execute($"CREATE DATABASE \"{name}\"");
            return ConnectionTo(name);
        }), null, name);
    }

    public static void SkipUnlessPostgres() => Assert.SkipUnless(IsPostgres, PostgresSkipReason);

    public static void SkipUnlessSqlite() => Assert.SkipWhen(IsPostgres, SqliteOnlySkipReason);

    /// <summary>An unscoped context (no tenant) on this database.</summary>
    public ReferralsDbContext NewDbContext()
    {
        var options = new DbContextOptionsBuilder<ReferralsDbContext>();
        options.UseReferralsDatabase(Provider, ConnectionString);
        return new ReferralsDbContext(options.Options);
    }

    public void Dispose()
    {
        if (sqlitePath is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                try
                {
                    File.Delete(sqlitePath + suffix);
                }
                catch (IOException)
                {
                    // Best effort: a temp file left behind is harmless.
                }
            }

            return;
        }

        if (databaseName is not null && connection.IsValueCreated)
        {
            using (var pooled = new NpgsqlConnection(ConnectionString))
            {
                NpgsqlConnection.ClearPool(pooled);
            }

            Execute($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)");
        }
    }

    private static string ConnectionTo(string database) =>
        new NpgsqlConnectionStringBuilder(PostgresServer) { Database = database }.ConnectionString;

    private static void Execute(string sql)
    {
        using var db = new NpgsqlConnection(PostgresServer);
        db.Open();
        using var command = new NpgsqlCommand(sql, db);
        command.ExecuteNonQuery();
    }

    private static string CopyTemplate(string name)
    {
        var template = Template.Value;
        CopyGate.Wait();
        try
        {
            Execute($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        }
        finally
        {
            CopyGate.Release();
        }

        return ConnectionTo(name);
    }

    /// <summary>
    /// Migrates and seeds one database with the app's own start-up (jobs off, clock at <see cref="PortalFactory.Start"/>,
    /// exactly what a SQLite test class starts from), then closes every connection to it so it can be copied.
    /// Dropped when the test process exits.
    /// </summary>
    private static string CreateTemplate()
    {
        var name = $"rp_template_{Guid.NewGuid():N}";
        Execute($"CREATE DATABASE \"{name}\"");
        var connectionString = ConnectionTo(name);
        using (var seeding = new PortalFactory(new TestDatabase(new Lazy<string>(connectionString), null, null), jobs: false))
        {
            _ = seeding.Services; // starts the app: migrate, seed
        }

        using (var pooled = new NpgsqlConnection(connectionString))
        {
            // Each copy starts with no data-protection key, as a new SQLite test database does: a test that configures
            // how keys are written (KeyRingTests) must see its app create the first one.
            pooled.Open();
            using (var clear = new NpgsqlCommand("DELETE FROM \"DataProtectionKeys\"", pooled))
            {
                clear.ExecuteNonQuery();
            }

            NpgsqlConnection.ClearPool(pooled);
        }

        Execute($"ALTER DATABASE \"{name}\" WITH ALLOW_CONNECTIONS false");
        Execute($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}' AND pid <> pg_backend_pid()");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            }
            catch (NpgsqlException)
            {
                // Best effort: the server may already be gone (CI stops it after the run).
            }
        };
        return name;
    }
}
