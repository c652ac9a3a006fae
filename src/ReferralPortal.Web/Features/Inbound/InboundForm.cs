using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReferralPortal.Data;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Web.Infrastructure;

namespace ReferralPortal.Web.Features.Inbound;

public sealed record InboundFormPage(
    InboundInput Input,
    IReadOnlyList<SelectListItem> Partners,
    IReadOnlyList<SelectListItem> Customers,
    IReadOnlyList<InboundSolutionGroup> Solutions,
    IReadOnlyList<SelectListItem> Currencies,
    IReadOnlyList<SelectListItem> Countries,
    int ReviewWindowDays);

/// <summary>One partner's published solutions, as an option group the form (and its script) can show or hide.</summary>
public sealed record InboundSolutionGroup(int PartnerId, string PartnerName, IReadOnlyList<SelectListItem> Solutions);

/// <summary>A customer the form offers.</summary>
internal sealed record CustomerChoice(int Id, string Name, string City, string Country);

/// <summary>The choices of the New inbound referral form: partners, the customer directory and the partners' published solutions.</summary>
public sealed class InboundFormQuery(ReferralsDbContext db, IOptions<ProgrammeOptions> programme)
{
    public async Task<InboundFormPage> RunAsync(InboundInput input, CancellationToken ct)
    {
        var partners = await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Partner)
            .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        var customers = await CustomerChoicesAsync(input, ct);
        var solutions = await db.Solutions.AsNoTracking().Where(s => s.MarketplaceStatus == MarketplaceStatus.Published)
            .OrderBy(s => s.Name).Select(s => new { s.Id, s.Name, s.OrganisationId }).ToListAsync(ct);

        // Once a partner is chosen only its solutions are offered (without JavaScript too: the form's "Show its
        // solutions" button reloads it for the partner); before that, one group per partner, which the script narrows.
        var solutionGroups = partners.Where(p => input.PartnerId is null || p.Id == input.PartnerId)
            .Select(p => new InboundSolutionGroup(p.Id, p.Name, [.. solutions.Where(s => s.OrganisationId == p.Id)
                .Select(s => new SelectListItem(s.Name, s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Id == input.SolutionId))]))
            .Where(g => g.Solutions.Count > 0)
            .ToList();
        var p = programme.Value;
        return new InboundFormPage(
            input,
            [.. partners.Select(o => new SelectListItem(o.Name, o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))],
            [.. customers.Select(c => new SelectListItem($"{c.Name} ({c.City}, {c.Country})", c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))],
            solutionGroups,
            [.. p.OfferedCurrencies.Select(c => new SelectListItem(c, c))],
            [.. CountryNames.All.Select(c => new SelectListItem(c.Name, c.Code))],
            p.ReviewWindowDays);
    }

    /// <summary>
    /// The directory holds tens of thousands of customers: the form offers at most <see cref="NewDeal.CustomerDirectory.MaxMatches"/>
    /// of them — the picker's matches for the search text (in the chosen country, or every country), else the first
    /// ones by name — plus the customer already chosen. The picker's script replaces them as the reviewer types.
    /// </summary>
    private async Task<List<CustomerChoice>> CustomerChoicesAsync(InboundInput input, CancellationToken ct)
    {
        var customers = db.Customers.AsNoTracking();
        var country = input.CustomerCountry?.Trim().ToUpperInvariant();
        if (Domain.Common.Countries.IsKnown(country))
        {
            customers = customers.Where(c => c.Country == country);
        }

        if (input.CustomerSearch?.Trim() is { Length: >= Customers.CustomerPickerController.MinLength } text)
        {
            var needle = Domain.Customers.Customer.Normalise(text);
            customers = customers.Where(c => c.NormalisedName.Contains(needle));
        }

        var choices = await customers.OrderBy(c => c.Name).ThenBy(c => c.Id).Take(NewDeal.CustomerDirectory.MaxMatches)
            .Select(c => new CustomerChoice(c.Id, c.Name, c.City, c.Country)).ToListAsync(ct);
        if (input.CustomerId is { } chosen && choices.All(c => c.Id != chosen))
        {
            choices.InsertRange(0, await db.Customers.AsNoTracking().Where(c => c.Id == chosen)
                .Select(c => new CustomerChoice(c.Id, c.Name, c.City, c.Country)).ToListAsync(ct));
        }

        return choices;
    }
}
