using System.Globalization;
using ReferralPortal.LoadDriver;

// Helper for benchmarks/run.sh and benchmarks/pages.sh:
//   signin  <base> <email>            sign in through the real form; print the session's Cookie header
//   prepare <base> <email>            sign in; print shell assignments (COOKIE, DEAL_ID, FILTER_QUERY, SEARCH_QUERY, EXPORT_QUERY)
//   draft   <base> <email>            sign in and start a New deal draft up to its details step; print COOKIE and DRAFT
//   wizard  <base> <email> <count>    run the New deal wizard end to end <count> times; print rps/p50/p99/non2xx
//   report  <results.tsv> <outdir>    turn the measured figures into benchmarks/RESULTS.md with the target ratios
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
return args switch
{
    ["signin", var baseUrl, var email] => await Scenarios.SignInAsync(new Uri(baseUrl), email),
    ["prepare", var baseUrl, var email] => await Scenarios.PrepareAsync(new Uri(baseUrl), email),
    ["draft", var baseUrl, var email] => await Scenarios.DraftAsync(new Uri(baseUrl), email),
    ["wizard", var baseUrl, var email, var count] => await Scenarios.WizardAsync(new Uri(baseUrl), email, int.Parse(count, CultureInfo.InvariantCulture)),
    ["report", var tsv, var outDir] => Report.Write(tsv, outDir),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: signin <base> <email> | prepare <base> <email> | wizard <base> <email> <count> | report <results.tsv> <outdir>");
    return 2;
}
