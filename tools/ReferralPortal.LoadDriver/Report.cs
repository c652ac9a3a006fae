using System.Globalization;
using System.Text;

namespace ReferralPortal.LoadDriver;

/// <summary>
/// Writes RESULTS.md from the tab-separated figures of one run.sh run: every scenario with each provider's figures
/// side by side, the machine's load when each was measured, each target's ratio and verdict per provider, and the
/// hand-written analysis kept in benchmarks/ANALYSIS.md (so the document is produced with no hand editing).
/// </summary>
internal static class Report
{
    private static readonly (string Id, string Name)[] Providers = [("Sqlite", "SQLite"), ("Postgres", "PostgreSQL")];

    private sealed record Row(string Provider, string Scenario, string Size, double? Rps, double? P50, double? P99, string PeakMb, string NonSuccess, string Load);

    public static int Write(string tsvPath, string outDir)
    {
        var rows = File.ReadAllLines(tsvPath).Where(l => l.Length > 0).Select(l => l.Split('\t')).Select(c =>
            new Row(c[0], c[1], c[2], Num(c[3]), Num(c[4]), Num(c[5]), c[6], c[7], c.Length > 8 ? c[8] : "?")).ToList();
        var measured = Providers.Where(p => rows.Any(r => r.Provider == p.Id)).ToList();
        var sb = new StringBuilder();
        sb.AppendLine("# Benchmark results");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Produced by `benchmarks/run.sh` on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC ({Environment.ProcessorCount} cores), {string.Join(" and ", measured.Select(p => p.Name))} measured in this one run (PostgreSQL on a throw-away local cluster filled by COPY from the same seeded SQLite files). Release build, Production environment, logging at Warning, wrk on loopback; medians of the runs. Peak working set = the app's highest resident set sampled during the scenario. Load = the machine's 1-minute load average / CPU pressure (some, avg10) just before the scenario: on a shared machine absolute figures are noisy, compare side by side.");
        sb.AppendLine();
        var header = new StringBuilder("| Scenario | Deals |");
        var rule = new StringBuilder("|---|---|");
        foreach (var p in measured)
        {
            header.Append(CultureInfo.InvariantCulture, $" {p.Name} req/s | {p.Name} p50 (ms) | {p.Name} p99 (ms) | {p.Name} peak MB | {p.Name} non-2xx | {p.Name} load |");
            rule.Append("---:|---:|---:|---:|---:|---|");
        }

        sb.AppendLine(header.ToString());
        sb.AppendLine(rule.ToString());
        foreach (var key in rows.Select(r => (r.Scenario, r.Size)).Distinct())
        {
            var line = new StringBuilder().Append(CultureInfo.InvariantCulture, $"| {key.Scenario} | {key.Size} |");
            foreach (var p in measured)
            {
                var r = rows.FirstOrDefault(x => x.Provider == p.Id && x.Scenario == key.Scenario && x.Size == key.Size);
                line.Append(CultureInfo.InvariantCulture, $" {F(r?.Rps)} | {F(r?.P50)} | {F(r?.P99)} | {r?.PeakMb} | {r?.NonSuccess} | {r?.Load} |");
            }

            sb.AppendLine(line.ToString());
        }

        sb.AppendLine();
        sb.AppendLine("## Targets");
        sb.AppendLine();
        sb.AppendLine("| Target | " + string.Join(" | ", measured.Select(p => $"{p.Name} | Met")) + " |");
        sb.AppendLine("|---|" + string.Concat(measured.Select(_ => "---:|---|")));
        void Target(string name, Func<string, double?> value, Func<double, bool> ok, string format)
        {
            var cells = measured.Select(p => value(p.Id) is { } v
                ? $"{v.ToString(format, CultureInfo.InvariantCulture)} | {(ok(v) ? "met" : "**missed**")}"
                : "n/a | n/a");
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {string.Join(" | ", cells)} |");
        }

        Row? Find(string provider, string prefix, string size) =>
            rows.FirstOrDefault(r => r.Provider == provider && r.Scenario.StartsWith(prefix, StringComparison.Ordinal) && r.Size == size);
        Target("Outbound default at 1M ≥ 35 % of the login page's requests/s", p => Ratio(Find(p, "2 ", "1M")?.Rps, Find(p, "1 ", "1M")?.Rps), r => r >= 0.35, "P0");
        foreach (var prefix in new[] { "2 ", "3 ", "4 ", "5 " })
        {
            var name = rows.FirstOrDefault(r => r.Scenario.StartsWith(prefix, StringComparison.Ordinal))?.Scenario ?? prefix;
            Target($"{name}: p50 at 1M ≤ 1.5× p50 at 10k", p => Ratio(Find(p, prefix, "1M")?.P50, Find(p, prefix, "10k")?.P50), r => r <= 1.5, "0.00×");
        }

        Target("Search at 1M: p50 ≤ 3× the default view's p50", p => Ratio(Find(p, "4 ", "1M")?.P50, Find(p, "2 ", "1M")?.P50), r => r <= 3, "0.00×");
        Target("CSV export of 50,000 rows: peak working set growth < 64 MB (MB)", p => Find(p, "8 ", "1M")?.PeakMb is { } m && m.Contains("(+", StringComparison.Ordinal)
            ? Num(m[(m.IndexOf("(+", StringComparison.Ordinal) + 2)..].Split(' ')[0])
            : null, g => g < 64, "0");
        Target("Working set under list scenarios at 1M < 400 MB (MB)", p => rows.Where(r => r.Provider == p && r.Size == "1M" && r.Scenario[0] is '2' or '3' or '4' or '5').Select(r => Num(r.PeakMb)).Max(), m => m < 400, "0");
        Target("Non-2xx responses (all scenarios)", p => rows.Where(r => r.Provider == p).Sum(r => Num(r.NonSuccess) ?? 0), n => n == 0, "0");
        Target("Warnings or errors in the app log", p => Directory.Exists(Path.Combine(outDir, p))
            ? Directory.GetFiles(Path.Combine(outDir, p), "warnings-*.txt").Sum(f => File.ReadAllLines(f).Length)
            : null, n => n == 0, "0");

        var analysis = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "benchmarks", "ANALYSIS.md");
        if (Environment.GetEnvironmentVariable("ANALYSIS") is { Length: > 0 } given)
        {
            analysis = given;
        }

        if (File.Exists(analysis))
        {
            sb.AppendLine();
            sb.Append(File.ReadAllText(analysis));
        }

        Console.Write(sb.ToString());
        return 0;
    }

    // A zero figure means no request succeeded in time (wrk reports 0): no ratio, rather than a false pass.
    private static double? Ratio(double? a, double? b) => a is > 0 && b is > 0 ? a / b : null;

    private static double? Num(string s) => double.TryParse(s.Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static string F(double? v) => v is { } x ? x.ToString("0.##", CultureInfo.InvariantCulture) : "–";
}
