namespace ReferralPortal.Web.Infrastructure;

/// <summary>The <c>Programme</c> configuration section (SPEC 7).</summary>
public sealed class ProgrammeOptions
{
    public const string Section = "Programme";

    public string VendorName { get; set; } = "Contoso Cloud";

    /// <summary>The vendor organisation's country (ISO 3166-1 alpha-2), used when the bootstrap command creates it.</summary>
    public string VendorCountry { get; set; } = "US";

    public int ReviewWindowDays { get; set; } = Domain.Deals.ReviewState.DefaultWindowDays;

    private static readonly string[] DefaultCurrencies = ["USD", "EUR", "GBP"];

    /// <summary>
    /// The configured list as bound, empty when none is configured. It starts empty on purpose: the configuration
    /// binder appends a configured list to whatever the property already holds, so a default here was offered twice.
    /// </summary>
    public IReadOnlyList<string> Currencies { get; set; } = [];

    /// <summary>The currencies deals may use: the configured ones (each once), or USD, EUR, GBP when none are configured.</summary>
    public IReadOnlyList<string> OfferedCurrencies => Currencies.Count > 0 ? [.. Currencies.Distinct(StringComparer.OrdinalIgnoreCase)] : DefaultCurrencies;

    public TimeSpan ReviewWindow => TimeSpan.FromDays(ReviewWindowDays);
}
