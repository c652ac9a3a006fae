namespace ReferralPortal.Web.Infrastructure;

/// <summary>The <c>Programme</c> configuration section (SPEC 7).</summary>
public sealed class ProgrammeOptions
{
    public const string Section = "Programme";

    public string VendorName { get; set; } = "Contoso Cloud";

    /// <summary>The vendor organisation's country (ISO 3166-1 alpha-2), used when the bootstrap command creates it.</summary>
    public string VendorCountry { get; set; } = "US";

    public int ReviewWindowDays { get; set; } = 14;

    public IReadOnlyList<string> Currencies { get; set; } = ["USD", "EUR", "GBP"];

    public TimeSpan ReviewWindow => TimeSpan.FromDays(ReviewWindowDays);
}
