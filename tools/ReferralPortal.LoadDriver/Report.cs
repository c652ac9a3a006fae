using System.Globalization;
using System.Text;

namespace ReferralPortal.LoadDriver;

/// <summary>Writes RESULTS.md from the tab-separated figures, with each target's ratio and verdict.</summary>
internal static class Report
{
    private sealed record Row(string Scenario, string Size, double? Rps, double? P50, double? P99, string PeakMb, string NonSuccess);

    public static int Write(string tsvPath, string outDir)
    {
        var rows = File.ReadAllLines(tsvPath).Where(l => l.Length > 0).Select(l => l.Split('\t')).Select(c =>
            new Row(c[0], c[1], Num(c[2]), Num(c[3]), Num(c[4]), c[5], c[6])).ToList();
        var database = Environment.GetEnvironmentVariable("PROVIDER") == "Postgres" ? "PostgreSQL" : "SQLite";
        var sb = new StringBuilder();
        sb.AppendLine("# Benchmark results");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Produced by `benchmarks/run.sh` on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC ({Environment.ProcessorCount} cores). Release build, Production environment, logging at Warning, {database}, wrk on loopback; medians of the runs. Peak working set = the app's highest resident set sampled during the scenario.");
        sb.AppendLine();
        sb.AppendLine("| Scenario | Deals | Requests/s | p50 (ms) | p99 (ms) | Peak working set (MB) | Non-2xx |");
        sb.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {r.Scenario} | {r.Size} | {F(r.Rps)} | {F(r.P50)} | {F(r.P99)} | {r.PeakMb} | {r.NonSuccess} |");
        }

        sb.AppendLine();
        sb.AppendLine("## Targets");
        sb.AppendLine();
        sb.AppendLine("| Target | Measured | Met |");
        sb.AppendLine("|---|---|---|");
        Row? Find(string prefix, string size) => rows.FirstOrDefault(r => r.Scenario.StartsWith(prefix, StringComparison.Ordinal) && r.Size == size);
        void Target(string name, double? value, Func<double, bool> ok, string format)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {(value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "n/a")} | {(value is { } w ? (ok(w) ? "yes" : "**no**") : "n/a")} |");
        }

        var login = Find("1 ", "1M");
        var outbound = Find("2 ", "1M");
        Target("Outbound default at 1M ≥ 35% of login page requests/s", Ratio(outbound?.Rps, login?.Rps), r => r >= 0.35, "P0");
        foreach (var prefix in new[] { "2 ", "3 ", "4 ", "5 " })
        {
            var small = Find(prefix, "10k");
            var large = Find(prefix, "1M");
            Target($"{large?.Scenario ?? prefix}: p50 at 1M ≤ 1.5× p50 at 10k", Ratio(large?.P50, small?.P50), r => r <= 1.5, "0.00×");
        }

        Target("Search at 1M: p50 ≤ 3× default view p50", Ratio(Find("4 ", "1M")?.P50, outbound?.P50), r => r <= 3, "0.00×");
        var export = Find("8 ", "1M");
        var growth = export?.PeakMb is { } p && p.Contains("(+", StringComparison.Ordinal) ? Num(p[(p.IndexOf("(+", StringComparison.Ordinal) + 2)..].Split(' ')[0]) : null;
        Target("CSV export of 50,000 rows: peak working set growth < 64 MB (MB)", growth, g => g < 64, "0");
        var listPeak = rows.Where(r => r.Size == "1M" && r.Scenario[0] is '2' or '3' or '4' or '5').Select(r => Num(r.PeakMb)).Max();
        Target("Working set under list scenarios at 1M < 400 MB (MB)", listPeak, m => m < 400, "0");
        var nonSuccess = rows.Sum(r => Num(r.NonSuccess) ?? 0);
        Target("Non-2xx responses (all scenarios)", nonSuccess, n => n == 0, "0");
        var warnings = Directory.GetFiles(outDir, "warnings-*.txt").Sum(f => File.ReadAllLines(f).Length);
        Target("Warnings or errors in the app log", warnings, n => n == 0, "0");
        Console.Write(sb.ToString());
        return 0;
    }

    // A zero figure means no request succeeded in time (wrk reports 0): no ratio, rather than a false pass.
    private static double? Ratio(double? a, double? b) => a is > 0 && b is > 0 ? a / b : null;

    private static double? Num(string s) => double.TryParse(s.Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static string F(double? v) => v is { } x ? x.ToString("0.##", CultureInfo.InvariantCulture) : "–";
}
