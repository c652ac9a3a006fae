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
        Country = string.Empty;
        AddressLine = string.Empty;
        City = string.Empty;
        PostalCode = string.Empty;
        Industry = string.Empty;
    }

    public Customer(string name, string country, string addressLine, string city, string postalCode, string industry, CompanySize size, string? website, bool addedManually)
    {
        Name = Guard.Text(name, "Company name", 2, 200);
        NormalisedName = Normalise(Name);
        Country = Guard.Country(country);
        AddressLine = Guard.Text(addressLine, "Address", 2, 200);
        City = Guard.Text(city, "City", 1, 100);
        PostalCode = Guard.Text(postalCode, "Postal code", 1, 20);
        Industry = Guard.Text(industry, "Industry", 2, 100);
        Size = size;
        Website = Guard.OptionalText(website, "Website", 200);
        AddedManually = addedManually;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>Upper-cased, single-spaced name used to find duplicates and to search.</summary>
    public string NormalisedName { get; private set; }

    public string Country { get; private set; }

    public string AddressLine { get; private set; }

    public string City { get; private set; }

    public string PostalCode { get; private set; }

    public string Industry { get; private set; }

    public CompanySize Size { get; private set; }

    public string? Website { get; private set; }

    public bool AddedManually { get; private set; }

    /// <summary>
    /// The directory's matching key: upper case, single spaces. Control characters are no part of a name (and
    /// PostgreSQL text cannot hold NUL): each counts as a space.
    /// </summary>
    public static string Normalise(string name) =>
        string.Join(' ', new string([.. name.Select(c => char.IsControl(c) ? ' ' : c)]).Trim().ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    public static string SizeLabel(CompanySize size) => size switch
    {
        CompanySize.Small => "1–49",
        CompanySize.Medium => "50–249",
        CompanySize.Large => "250–999",
        _ => "1000+",
    };
}
