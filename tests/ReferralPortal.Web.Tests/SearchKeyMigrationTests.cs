using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ReferralPortal.Data;
using ReferralPortal.Domain.Common;

namespace ReferralPortal.Web.Tests;

/// <summary>Issue 18, defect 7: a database made before the search keys gets them, accent-free, when migrated.</summary>
public sealed class SearchKeyMigrationTests
{
    [Fact]
    public async Task Migrating_an_older_database_gives_stored_names_the_domains_search_key()
    {
        var ct = TestContext.Current.CancellationToken;
        var path = Path.Combine(Path.GetTempPath(), $"searchkey-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<ReferralsDbContext>()
                .UseSqlite($"Data Source={path}", x => x.MigrationsAssembly("ReferralPortal.Data.Sqlite")).Options;
            await using (var db = new ReferralsDbContext(options))
            {
                var migrator = db.GetService<IMigrator>();
                var all = db.Database.GetMigrations().ToList();
                var before = all[all.FindIndex(m => m.EndsWith("_RulesSearchKey", StringComparison.Ordinal)) - 1];
                await migrator.MigrateAsync(before, ct);

                // As the old domain stored it: upper-cased, accents kept.
                await db.Database.ExecuteSqlRawAsync(
                    "INSERT INTO Customers (Name, NormalisedName, Country, AddressLine, City, PostalCode, Industry, Size, AddedManually) VALUES ('Açores Ópticas Ñandú', 'AÇORES ÓPTICAS ÑANDÚ', 'PT', 'Rua 1', 'Ponta Delgada', '9500', 'Retail', 'Small', 0)", ct);
                await migrator.MigrateAsync(null, ct);

                var key = await db.Customers.Where(c => c.Name == "Açores Ópticas Ñandú").Select(c => c.NormalisedName).SingleAsync(ct);
                Assert.Equal(SearchKey.Of("Açores Ópticas Ñandú"), key);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }
}
