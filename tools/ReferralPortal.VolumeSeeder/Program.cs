using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReferralPortal.Data;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.VolumeSeeder;

// Fills a SQLite database with a realistic volume of deals for benchmarks:
//   dotnet run -c Release --project tools/ReferralPortal.VolumeSeeder -- --deals 1000000 --db benchmarks/data/1m.db
// The schema comes from the app's own migrations and the demo seed comes first, so demo logins work.
// With --postgres <connection string>, the same rows then go into that PostgreSQL database (dropped and created
// again, migrated with the app's Postgres migrations) by COPY; --reuse keeps an existing SQLite file as the source:
//   ... -- --deals 1000000 --db benchmarks/data/1M.db --reuse --postgres "Host=127.0.0.1;Port=5432;Username=postgres;Database=rp_bench_1M"
var options = SeedOptions.Parse(args);
var stopwatch = Stopwatch.StartNew();
if (options.Reuse && File.Exists(options.DatabasePath))
{
    // A file seeded by an older build is brought to the app's current schema first: the copy into PostgreSQL reads
    // the columns that the current migrations create.
    Console.WriteLine($"Reusing {options.DatabasePath} (migrating it to the current schema)");
    var current = new DbContextOptionsBuilder<ReferralsDbContext>()
        .UseSqlite($"Data Source={options.DatabasePath}", x => x.MigrationsAssembly("ReferralPortal.Data.Sqlite")).Options;
    await using var db = new ReferralsDbContext(current);
    await db.Database.MigrateAsync();
}
else
{
    await SeedSqliteAsync(options);
}

if (options.Postgres is { } postgres)
{
    await PostgresTarget.FillAsync(postgres, $"Data Source={options.DatabasePath}");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Copied {options.DatabasePath} into PostgreSQL database {new Npgsql.NpgsqlConnectionStringBuilder(postgres).Database} in {stopwatch.Elapsed.TotalSeconds:F1} s"));
}

static async Task SeedSqliteAsync(SeedOptions options)
{
    var stopwatch = Stopwatch.StartNew();
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.DatabasePath))!);
    if (File.Exists(options.DatabasePath) && options.Fresh)
    {
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(options.DatabasePath + suffix);
        }
    }

    var connectionString = $"Data Source={options.DatabasePath}";
    var services = new ServiceCollection();
    services.AddLogging();
    services.AddSingleton(TimeProvider.System);
    services.AddDbContext<ReferralsDbContext>(o => o.UseSqlite(connectionString, x => x.MigrationsAssembly("ReferralPortal.Data.Sqlite")));
    services.AddIdentityCore<PortalUser>(o => o.Password.RequiredLength = 8).AddRoles<IdentityRole>().AddEntityFrameworkStores<ReferralsDbContext>();
    services.AddScoped<DemoSeeder>();
    await using (var provider = services.BuildServiceProvider())
    await using (var scope = provider.CreateAsyncScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
        await db.Database.MigrateAsync();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Enum.GetNames<PortalRole>())
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync("Contoso Cloud", TimeSpan.FromDays(14));
    }

    SqliteConnection.ClearAllPools();
    await using var connection = new SqliteConnection(connectionString);
    await connection.OpenAsync();
    var written = await new BulkDeals(connection, options.Seed).WriteAsync(options.Deals);

    // The bulk rows bypass the context, so the bulk customers get their company match keys, the Insights rollups are
    // counted once from the written deals (the app does that work only once per database, at its first start), and
    // the workspace's sort keys (customer, partner, stage, solutions) are copied onto them in one statement.
    await using (var provider = services.BuildServiceProvider())
    await using (var scope = provider.CreateAsyncScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
        await CompanyKeyBackfill.RunAsync(db);
        await ReferralPortal.Data.Rollups.DealRollupWriter.RebuildAsync(db);
        await DealSortKeys.RefreshAllAsync(db);
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Seeded {written:N0} deals into {options.DatabasePath} in {stopwatch.Elapsed.TotalSeconds:F1} s"));
}

internal sealed record SeedOptions(int Deals, string DatabasePath, bool Fresh, int Seed, bool Reuse, string? Postgres)
{
    public static SeedOptions Parse(string[] args)
    {
        var deals = 10_000;
        var path = "benchmarks/data/referrals.db";
        var fresh = true;
        var seed = 7;
        var reuse = false;
        string? postgres = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--deals":
                    deals = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--db":
                    path = args[++i];
                    break;
                case "--append":
                    fresh = false;
                    break;
                case "--seed":
                    seed = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--reuse":
                    reuse = true;
                    break;
                case "--postgres":
                    postgres = args[++i];
                    break;
                default:
                    throw new ArgumentException($"Unknown argument {args[i]}. Use --deals N --db PATH [--append] [--seed N] [--reuse] [--postgres CONNECTION].");
            }
        }

        return new SeedOptions(deals, path, fresh, seed, reuse, postgres);
    }
}
