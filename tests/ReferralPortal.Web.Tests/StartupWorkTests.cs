using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReferralPortal.Data;
using ReferralPortal.Domain.Common;
using ReferralPortal.Web.Tests.Infrastructure;
using Serilog.Core;

namespace ReferralPortal.Web.Tests;

/// <summary>
/// Review finding (issues 17, 19): the company-key backfill and the rollup recount are one-time data work. The first
/// start of a database does them and records it; a later start reads the record and touches neither Customers nor
/// the rollups (before, every start read every customer whose key was empty and checked the rollups again).
/// </summary>
public sealed class StartupWorkTests
{
    [Fact]
    public async Task A_second_start_reads_no_customers_and_no_rollups()
    {
        using var database = TestDatabase.ForTestClass();
        using var first = new StartFactory(database);
        _ = first.Services;

        using var second = new StartFactory(database);
        _ = second.Services;

        var commands = second.Log.Events
            .Where(e => e.MessageTemplate.Text.StartsWith("Executed DbCommand", StringComparison.Ordinal))
            .Select(CapturedLog.Text)
            .ToList();
        Assert.NotEmpty(commands); // the start did run SQL (migrations history, the seed's check, the work records)
        Assert.DoesNotContain(commands, c => c.Contains("Customers", StringComparison.Ordinal));
        Assert.DoesNotContain(commands, c => c.Contains("DealRollups", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_first_start_after_an_upgrade_gives_customers_their_match_key_counts_the_rollups_and_records_both()
    {
        var ct = TestContext.Current.CancellationToken;
        using var database = TestDatabase.ForTestClass();
        using var first = new StartFactory(database);
        _ = first.Services;
        await using (var db = database.NewDbContext())
        {
            // As a database written before issue 19 and the rollups, and before the work was recorded.
            await db.Customers.IgnoreQueryFilters().ExecuteUpdateAsync(s => s.SetProperty(c => c.MatchKey, string.Empty), ct);
            await db.DealRollups.IgnoreQueryFilters().ExecuteDeleteAsync(ct);
            await db.Set<CompletedStartupWork>().ExecuteDeleteAsync(ct);
        }

        using var upgraded = new StartFactory(database);
        _ = upgraded.Services;

        await using var check = database.NewDbContext();
        var customers = await check.Customers.IgnoreQueryFilters().Select(c => new { c.Name, c.MatchKey }).ToListAsync(ct);
        Assert.NotEmpty(customers);
        Assert.All(customers, c => Assert.Equal(CompanyKey.Of(c.Name), c.MatchKey));
        Assert.True(await check.DealRollups.IgnoreQueryFilters().AnyAsync(ct));
        Assert.Equal(
            [StartupWork.CompanyKeys, StartupWork.DealRollups],
            (await check.Set<CompletedStartupWork>().Select(w => w.Name).ToListAsync(ct)).Order(StringComparer.Ordinal));
    }

    /// <summary>The app started (migrate, seed, start-up work) on a given database, its executed SQL captured.</summary>
    private sealed class StartFactory(TestDatabase database) : PortalFactory(database, jobs: false)
    {
        public CapturedLog Log { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Serilog:MinimumLevel:Default", "Information");
            builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore.Database.Command", "Information");
            builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(Log));
        }
    }
}
