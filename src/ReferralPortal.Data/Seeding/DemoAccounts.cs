using ReferralPortal.Domain.Organisations;

namespace ReferralPortal.Data.Seeding;

/// <summary>The demo accounts of SPEC section 6 (development seed only; the password is documented in the README).</summary>
public static class DemoAccounts
{
    public const string Password = "Demo!2026";

    public const string NorthwindAdmin = "admin@northwind.example";
    public const string NorthwindSales = "sales@northwind.example";
    public const string FabrikamAdmin = "admin@fabrikam.example";
    public const string AdventureWorksAdmin = "admin@adventure-works.example";
    public const string Reviewer = "reviewer@contoso.example";
    public const string ProgrammeAdmin = "programme@contoso.example";

    public const string Northwind = "Northwind Traders";
    public const string Fabrikam = "Fabrikam Consulting";
    public const string AdventureWorks = "Adventure Works";

    public static IReadOnlyList<(string Email, string DisplayName, string Organisation, PortalRole Role)> All { get; } =
    [
        (NorthwindAdmin, "Nadia Costa", Northwind, PortalRole.ReferralAdmin),
        (NorthwindSales, "Samuel Reis", Northwind, PortalRole.ReferralUser),
        (FabrikamAdmin, "Fatima Alves", Fabrikam, PortalRole.ReferralAdmin),
        (AdventureWorksAdmin, "Adam Walker", AdventureWorks, PortalRole.ReferralAdmin),
        (Reviewer, "Rita Moreno", null!, PortalRole.Reviewer),
        (ProgrammeAdmin, "Paulo Martins", null!, PortalRole.ProgrammeAdmin),
    ];
}
