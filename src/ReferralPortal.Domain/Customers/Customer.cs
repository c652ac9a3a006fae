using ReferralPortal.Domain.Common;

namespace ReferralPortal.Domain.Customers;

public enum CompanySize
{
    Small,
    Medium,
    Large,
    Enterprise,
}

/// <summary>An end-customer company in the shared directory.</summary>
public class Customer
{
    private Customer()
    {
        Name = string.Empty;
        NormalisedName = string.Empty;
        MatchKey = string.Empty;
        Country = string.Empty;
        AddressLine = string.Empty;
        City = string.Empty;
        PostalCode = string.Empty;
        Industry = string.Empty;
    }

    public Customer(string name, string country, string addressLine, string city, string postalCode, string industry, CompanySize size, string? website, bool addedManually)
    {
        Name = Guard.SingleLine(name, "Company name", 2, 200);
        NormalisedName = Normalise(Name);
        MatchKey = CompanyKey.Of(Name);
        Country = Guard.Country(country);
        AddressLine = Guard.SingleLine(addressLine, "Address", 2, 200);
        City = Guard.SingleLine(city, "City", 1, 100);
        PostalCode = Guard.SingleLine(postalCode, "Postal code", 1, 20);
        Industry = Guard.SingleLine(industry, "Industry", 2, 100);
        Size = size;
        Website = Guard.OptionalSingleLine(website, "Website", 200);
        AddedManually = addedManually;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>The name's <see cref="SearchKey"/> (accent- and case-free), used to find twins and to search.</summary>
    public string NormalisedName { get; private set; }

    /// <summary>The name's <see cref="CompanyKey"/> (punctuation and legal forms ignored too): what channel-conflict detection matches.</summary>
    public string MatchKey { get; private set; }

    public string Country { get; private set; }

    public string AddressLine { get; private set; }

    public string City { get; private set; }

    public string PostalCode { get; private set; }

    public string Industry { get; private set; }

    public CompanySize Size { get; private set; }

    public string? Website { get; private set; }

    public bool AddedManually { get; private set; }

    public static string Normalise(string name) => SearchKey.Of(name);

    /// <summary>Recomputes <see cref="MatchKey"/> from the name (rows stored before the key existed).</summary>
    public void RefreshMatchKey() => MatchKey = CompanyKey.Of(Name);

    public static string SizeLabel(CompanySize size) => size switch
    {
        CompanySize.Small => "1–49",
        CompanySize.Medium => "50–249",
        CompanySize.Large => "250–999",
        _ => "1000+",
    };
}
