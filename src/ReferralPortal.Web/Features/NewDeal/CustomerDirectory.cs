using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Domain.Customers;

namespace ReferralPortal.Web.Features.NewDeal;

public sealed record CustomerMatch(int Id, string Name, string Country, string AddressLine, string City, string PostalCode, string Industry, CompanySize Size, bool AddedManually);

/// <summary>The shared customer directory as step 1 uses it: search by country and name, and manual additions without twins.</summary>
public sealed class CustomerDirectory(ReferralsDbContext db)
{
    public const int MaxMatches = 20;

    public async Task<IReadOnlyList<CustomerMatch>> SearchAsync(string country, string name, CancellationToken ct)
    {
        var needle = Customer.Normalise(name);
        return await db.Customers.AsNoTracking()
            .Where(c => c.Country == country && c.NormalisedName.Contains(needle))
            .OrderBy(c => c.NormalisedName)
            .Take(MaxMatches)
            .Select(c => new CustomerMatch(c.Id, c.Name, c.Country, c.AddressLine, c.City, c.PostalCode, c.Industry, c.Size, c.AddedManually))
            .ToListAsync(ct);
    }

    public Task<CustomerMatch?> FindAsync(int id, CancellationToken ct) =>
        db.Customers.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new CustomerMatch(c.Id, c.Name, c.Country, c.AddressLine, c.City, c.PostalCode, c.Industry, c.Size, c.AddedManually))
            .FirstOrDefaultAsync(ct);

    /// <summary>
    /// Adds (and saves) a manually entered customer, or returns the existing one with the same normalised name in
    /// the same country (the directory must not grow twins). <c>Reused</c> tells which happened.
    /// </summary>
    public async Task<(Customer Customer, bool Reused)> AddManualAsync(ManualCustomerInput input, CancellationToken ct)
    {
        var country = input.Country!.Trim().ToUpperInvariant();
        var normalised = Customer.Normalise(input.Name!);
        var existing = await db.Customers.FirstOrDefaultAsync(c => c.Country == country && c.NormalisedName == normalised, ct);
        if (existing is not null)
        {
            return (existing, true);
        }

        var customer = new Customer(input.Name!, country, input.AddressLine!, input.City!, input.PostalCode!, input.Industry!, input.Size!.Value, input.Website, addedManually: true);
        db.Customers.Add(customer);
        await db.SaveChangesAsync(ct);
        return (customer, false);
    }

    /// <summary>The country a search starts in: the partner organisation's own.</summary>
    public async Task<string> HomeCountryAsync(int organisationId, CancellationToken ct) =>
        await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Country).FirstOrDefaultAsync(ct) ?? "US";
}
