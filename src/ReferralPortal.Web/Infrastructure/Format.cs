using System.Globalization;
using ReferralPortal.Domain.Deals;

namespace ReferralPortal.Web.Infrastructure;

/// <summary>How values read on every page: one place for labels, money and dates.</summary>
public static class Format
{
    public static string Money(decimal value, string currency)
    {
        var culture = CultureInfo.CurrentCulture;
        var nf = (NumberFormatInfo)culture.NumberFormat.Clone();
        nf.CurrencySymbol = currency switch { "USD" => "$", "EUR" => "€", "GBP" => "£", _ => currency + " " };
        return value.ToString("C2", nf);
    }

    public static string Date(DateTime utc) => utc.ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    public static string DateTime(DateTime utc) => utc.ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.CurrentCulture);

    public static string DaysLeft(int days) => days switch
    {
        0 => "due today",
        1 => "1 day left",
        _ => $"{days} days left",
    };

    public static string Status(DealStatus s) => s switch
    {
        DealStatus.ClosedAsError => "Closed as error",
        _ => s.ToString(),
    };

    public static string StatusClass(DealStatus s) => s switch
    {
        DealStatus.New => "text-bg-info",
        DealStatus.Active => "text-bg-primary",
        DealStatus.Won => "text-bg-success",
        DealStatus.Lost or DealStatus.Declined => "text-bg-danger",
        _ => "text-bg-secondary",
    };

    public static string DealType(DealType t) => t == Domain.Deals.DealType.CoSell ? "Co-sell" : "Private";

    public static string Registration(RegistrationStatus r) => r switch
    {
        RegistrationStatus.NotEligible => "Not eligible",
        RegistrationStatus.NotRegistered => "Not registered",
        _ => r.ToString(),
    };

    public static string Reason(CloseReason r) => DealReasons.Label(r);

    public static string Reason(ErrorReason r) => DealReasons.Label(r);

    public static string Help(HelpWanted h) => h switch
    {
        HelpWanted.WorkloadValueProposition => "Workload value proposition",
        HelpWanted.CustomerTechnicalArchitecture => "Customer technical architecture",
        HelpWanted.ProofOfConceptOrDemo => "Proof of concept / demo",
        HelpWanted.QuotesAndLicensing => "Quotes and licensing",
        HelpWanted.PostSalesCustomerSuccess => "Post-sales customer success",
        HelpWanted.GeneralOrOther => "General or other",
        _ => "None",
    };

    public static IEnumerable<string> HelpList(HelpWanted h) =>
        Enum.GetValues<HelpWanted>().Where(v => v != HelpWanted.None && h.HasFlag(v)).Select(Help);
}
