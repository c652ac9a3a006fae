using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Web.Infrastructure;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests;

/// <summary>SQLite chooses between the workspace's overlapping indexes by sqlite_stat1; start-up keeps it filled.</summary>
public sealed class SqliteStatisticsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string CountryStatusIndex = "IX_Deals_OwnerOrganisationId_Direction_LocationCountry_Status_UpdatedAt_Id";

    [Fact]
    public async Task Start_up_on_a_fresh_database_writes_statistics_for_the_deals_indexes()
    {
        TestDatabase.SkipUnlessSqlite();
        using var client = factory.CreatePortalClient(); // starts the app: migrate, seed, then statistics

        var indexes = await DealsIndexesWithStatisticsAsync();

        Assert.Contains(CountryStatusIndex, indexes);
        Assert.Contains("IX_Deals_OwnerOrganisationId_Direction_UpdatedAt_Id", indexes);
    }

    [Fact]
    public async Task Refresh_fills_in_an_index_without_statistics_as_after_a_migration_adds_one()
    {
        TestDatabase.SkipUnlessSqlite();
        using var client = factory.CreatePortalClient();
        await ExecuteAsync($"DELETE FROM sqlite_stat1 WHERE idx = '{CountryStatusIndex}'");
        Assert.DoesNotContain(CountryStatusIndex, await DealsIndexesWithStatisticsAsync());

        // A connection reads the statistics with the schema: as at a new start, none may remember the old row.
        SqliteConnection.ClearPool(new SqliteConnection(factory.ConnectionString));

        await using (var db = factory.NewDbContext())
        {
            await PersistenceSetup.RefreshSqliteStatisticsAsync(db);
        }

        Assert.Contains(CountryStatusIndex, await DealsIndexesWithStatisticsAsync());
    }

    private async Task<List<string>> DealsIndexesWithStatisticsAsync()
    {
        await using var db = factory.NewDbContext();
        return await db.Database.SqlQuery<string>($"SELECT idx AS Value FROM sqlite_stat1 WHERE tbl = 'Deals' AND idx IS NOT NULL").ToListAsync();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
