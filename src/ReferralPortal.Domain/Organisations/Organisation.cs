using ReferralPortal.Domain.Common;

namespace ReferralPortal.Domain.Organisations;

public enum OrganisationKind
{
    Partner,
    Vendor,
}

/// <summary>A partner company (a tenant) or the single vendor that runs the programme.</summary>
public class Organisation
{
    private Organisation()
    {
        Name = string.Empty;
        Country = string.Empty;
    }

    public Organisation(string name, OrganisationKind kind, string country)
    {
        Name = Guard.SingleLine(name, "Organisation name", 2, 200);
        Kind = kind;
        Country = Guard.Country(country);
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public OrganisationKind Kind { get; private set; }

    public string Country { get; private set; }
}
