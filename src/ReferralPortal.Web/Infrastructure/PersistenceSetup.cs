using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Data.Seeding;

namespace ReferralPortal.Web.Infrastructure;

public static class PersistenceSetup
{
    public const string SqliteMigrations = "ReferralPortal.Data.Sqlite";
    public const string SqlServerMigrations = "ReferralPortal.Data.SqlServer";
    public const string PostgresMigrations = "ReferralPortal.Data.Postgres";

    /// <summary>The values <c>Database:Provider</c> takes.</summary>
    public static readonly IReadOnlyList<string> Providers = ["Sqlite", "SqlServer", "Postgres"];

    /// <summary>
    /// One DbContext on the configured provider, pooled; each request rents one and scopes it to the
    /// signed-in user's organisation (the documented pattern for pooling with per-request state).
    /// </summary>
    public static IServiceCollection AddPersistence(this IServiceCollection services, IConfiguration config, IWebHostEnvironment env)
    {
        var provider = DatabaseProvider(config);
        var connection = config.GetConnectionString("Referrals");
        if (!Providers.Contains(provider))
        {
            throw new InvalidOperationException($"Database:Provider must be Sqlite, SqlServer or Postgres, not '{provider}'.");
        }

        if (provider == "Sqlite" && string.IsNullOrWhiteSpace(connection))
        {
            var folder = Path.Combine(env.ContentRootPath, "App_Data");
            Directory.CreateDirectory(folder);
            connection = $"Data Source={Path.Combine(folder, "referrals.db")}";
        }
        else if (string.IsNullOrWhiteSpace(connection))
        {
            throw new InvalidOperationException($"Database:Provider is {provider} but ConnectionStrings:Referrals is not set.");
        }

        services.AddPooledDbContextFactory<ReferralsDbContext>(o => o.UseReferralsDatabase(provider, connection));

        services.AddScoped<CurrentTenant>();
        services.AddScoped(sp =>
        {
            var db = sp.GetRequiredService<IDbContextFactory<ReferralsDbContext>>().CreateDbContext();
            var tenant = sp.GetRequiredService<CurrentTenant>();
            db.SetTenant(() => tenant.Scope);
            return db;
        });
        services.AddScoped<DemoSeeder>();
        return services;
    }

    /// <summary>
    /// The provider, its migrations assembly and the quieted warnings: the one place a context is configured
    /// (the app, the tests and the volume seeder all come here).
    /// </summary>
    public static DbContextOptionsBuilder UseReferralsDatabase(this DbContextOptionsBuilder options, string provider, string connection) => (provider switch
    {
        "Sqlite" => options.UseSqlite(connection, x => x.MigrationsAssembly(SqliteMigrations)),
        "SqlServer" => options.UseSqlServer(connection, x => x.MigrationsAssembly(SqlServerMigrations)),
        "Postgres" => options.UseNpgsql(connection, x => x.MigrationsAssembly(PostgresMigrations)),
        _ => throw new InvalidOperationException($"Database:Provider must be Sqlite, SqlServer or Postgres, not '{provider}'."),
    }).ConfigureWarnings(Quiet);

    // The optional contact shares the Deals table by design (an all-null contact is "no contact"),
    // activity/note filters follow the deal's filter, and the capped counts use Take without OrderBy on
    // purpose (a count does not depend on order): the warnings describe intended behaviour.
    private static void Quiet(Microsoft.EntityFrameworkCore.Diagnostics.WarningsConfigurationBuilder w) => w.Ignore(
        Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.OptionalDependentWithoutIdentifyingPropertyWarning,
        Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning,
        Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.RowLimitingOperationWithoutOrderByWarning);

    public static string DatabaseProvider(IConfiguration config) => config["Database:Provider"] ?? "Sqlite";

    /// <summary>Applies migrations and seeds the demo as SPEC section 7 says (defaults per provider and environment).</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var config = app.Configuration;
        var isSqlite = DatabaseProvider(config) == "Sqlite";
        var migrate = config.GetValue<bool?>("Database:MigrateOnStartup") ?? isSqlite;
        var seed = !app.Environment.IsProduction()
            && (config.GetValue<bool?>("Seed:Demo") ?? (app.Environment.IsDevelopment() || (isSqlite && string.IsNullOrWhiteSpace(config.GetConnectionString("Referrals")))));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();

        // A migration or one-time backfill on a big database (an index build or a column filled over a million deals)
        // runs far longer than a request's command timeout; this scope only does start-up work.
        db.Database.SetCommandTimeout(config.GetValue<TimeSpan?>("Database:StartupCommandTimeout") ?? TimeSpan.FromMinutes(30));
        if (migrate)
        {
            if (isSqlite)
            {
                // WAL lets readers continue while the expiry job or a second instance writes.
                await db.Database.OpenConnectionAsync();
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
                await db.Database.CloseConnectionAsync();
            }

            await db.Database.MigrateAsync();
            await StartupWork.RunOnceAsync(db, StartupWork.CompanyKeys, Now(app), async ct => await CompanyKeyBackfill.RunAsync(db, ct));
        }

        if (migrate || seed)
        {
            // Invitations add members to these roles in Production too, where the seed never runs.
            await RolesSetup.EnsureRolesAsync(scope.ServiceProvider);
        }

        if (seed)
        {
            var programme = config.GetSection(ProgrammeOptions.Section).Get<ProgrammeOptions>() ?? new ProgrammeOptions();
            var seeded = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(programme.VendorName, programme.ReviewWindow);
            if (seeded)
            {
                app.Logger.LogInformation("Seeded the demo data");
            }
        }

        // A database written before the Insights rollups existed gets them counted once (a bulk fill recounts them itself).
        if (migrate || seed)
        {
            await StartupWork.RunOnceAsync(db, StartupWork.DealRollups, Now(app), async ct =>
            {
                if (await Data.Rollups.DealRollupWriter.EnsureBuiltAsync(db, ct))
                {
                    app.Logger.LogInformation("Counted the Insights rollups from the deals");
                }
            });
        }

        if (isSqlite)
        {
            await RefreshSqliteStatisticsAsync(db);
        }
    }

    private static DateTime Now(WebApplication app) => app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

    /// <summary>
    /// The workspace's indexes overlap (owner + direction, then status, country or date), and SQLite picks
    /// between them by the statistics in sqlite_stat1: without them, or without a row for a new index, it can
    /// choose an index that sorts every deal of the tenant. <c>PRAGMA optimize</c> analyses only the tables
    /// whose statistics are missing (a table never analysed, or an index without a row, as after a migration
    /// adds one) or stale (the table grew or shrank 25-fold): a no-op on most starts.
    /// </summary>
    public static async Task RefreshSqliteStatisticsAsync(ReferralsDbContext db)
    {
        // 0x10000: check every table, not only the ones this connection has used; 0x2: run ANALYZE where useful.
        // The mask leaves out 0x10 (a temporary analysis_limit) on purpose: a sampled ANALYZE reads only the first
        // rows of each index, so on the owner-first indexes it took one organisation for the whole table and gave
        // every index the same selectivity. A full ANALYZE of the Deals table takes about a second at 1M deals.
        await db.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002;");

        // Statistics are read when a connection loads the schema: pooled connections opened earlier
        // (migrations, seed) would keep planning without them.
        if (db.Database.GetDbConnection() is Microsoft.Data.Sqlite.SqliteConnection connection)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearPool(connection);
        }
    }
}
