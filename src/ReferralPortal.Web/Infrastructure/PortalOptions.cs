namespace ReferralPortal.Web.Infrastructure;

/// <summary>The <c>Programme</c> configuration section (SPEC 7).</summary>
public sealed class ProgrammeOptions
{
    public const string Section = "Programme";

    public string VendorName { get; set; } = "Contoso Cloud";

    public int ReviewWindowDays { get; set; } = 14;

    public IReadOnlyList<string> Currencies { get; set; } = ["USD", "EUR", "GBP"];

    public TimeSpan ReviewWindow => TimeSpan.FromDays(ReviewWindowDays);
}
