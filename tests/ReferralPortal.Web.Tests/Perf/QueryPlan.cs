using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests.Perf;

/// <summary>
/// The database's own plan for a query EF Core writes, so a test can say "this is read from an index" without timing
/// anything. SQLite: <c>EXPLAIN QUERY PLAN</c>. PostgreSQL: <c>EXPLAIN</c> with sequential scans and sorts priced out
/// (<c>enable_seqscan</c>/<c>enable_sort</c> off), so on a small test database the plan still shows whether an index
/// can give the order at all: a Sort node left in it means none can.
/// </summary>
public static partial class QueryPlan
{
    public static async Task<IReadOnlyList<string>> ExplainAsync<T>(ReferralsDbContext db, IQueryable<T> query)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            if (TestDatabase.IsPostgres)
            {
                await using var settings = db.Database.GetDbConnection().CreateCommand();
                settings.CommandText = "SET enable_seqscan = off; SET enable_sort = off;";
                await settings.ExecuteNonQueryAsync();
            }

            await using var command = query.CreateDbCommand();
            command.CommandText = (TestDatabase.IsPostgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + command.CommandText;
            return await LinesAsync(command, TestDatabase.IsPostgres ? 0 : 3);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The plan reads the deals in the query's order from an index: no sort step over the rows found (a query with a Take).</summary>
    public static void AssertOrderFromAnIndex(IReadOnlyList<string> plan)
    {
        var text = string.Join(Environment.NewLine, plan);
        if (TestDatabase.IsPostgres)
        {
            // Below the page's Limit nothing is sorted; a Sort above it orders the page's few rows after a join.
            var limit = plan.ToList().FindIndex(line => line.Contains("Limit", StringComparison.Ordinal));
            Assert.DoesNotContain(plan.Skip(limit + 1), line => SortNode().IsMatch(line));
            Assert.Matches(@"Index (Only )?Scan( Backward)? using \S+ on ""Deals""", text);
        }
        else
        {
            Assert.DoesNotContain(plan, line => line.Contains("TEMP B-TREE", StringComparison.Ordinal));
            Assert.Matches(@"(SCAN|SEARCH) d USING (COVERING )?INDEX", text);
        }
    }

    /// <summary>The plan never reads every row of "Deals": each visit of it starts from an index.</summary>
    public static void AssertNoScanOfDeals(IReadOnlyList<string> plan)
    {
        var text = string.Join(Environment.NewLine, plan);
        if (TestDatabase.IsPostgres)
        {
            Assert.DoesNotMatch(@"Seq Scan on ""Deals""", text);
        }
        else
        {
            // "SCAN d" without an index reads the whole table; SEARCH (or a scan of an index's range) does not. EF names
            // a table by its entity's initial (d, d0, … for Deals and DealSolutions); a scan of a sub-query's result
            // (a CO-ROUTINE or MATERIALIZE step of the same name) reads only what that step found.
            var steps = plan.Select(line => SqliteStep().Match(line)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToHashSet();
            Assert.DoesNotContain(plan, line => SqliteFullScan().Match(line) is { Success: true } m && !steps.Contains(m.Groups[1].Value));
        }
    }

    private static async Task<List<string>> LinesAsync(DbCommand command, int column)
    {
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetValue(column)?.ToString() ?? string.Empty);
        }

        return lines;
    }

    [GeneratedRegex(@"^\s*(->\s*)?(Incremental )?Sort\b")]
    private static partial Regex SortNode();

    [GeneratedRegex(@"^SCAN (d\d*)$")]
    private static partial Regex SqliteFullScan();

    [GeneratedRegex(@"^(?:CO-ROUTINE|MATERIALIZE) (\w+)")]
    private static partial Regex SqliteStep();
}
