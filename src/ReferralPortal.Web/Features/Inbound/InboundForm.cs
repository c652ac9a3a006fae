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
    IReadOnlyList<SelectListItem> Solutions,
    IReadOnlyList<SelectListItem> Currencies,
    IReadOnlyList<SelectListItem> Countries,
    int ReviewWindowDays);

/// <summary>The choices of the New inbound referral form: partners, the customer directory and the partners' published solutions.</summary>
public sealed class InboundFormQuery(ReferralsDbContext db, IOptions<ProgrammeOptions> programme)
{
    public async Task<InboundFormPage> RunAsync(InboundInput input, CancellationToken ct)
    {
        var partners = await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Partner)
            .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        var customers = await db.Customers.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new { c.Id, c.Name, c.City, c.Country }).ToListAsync(ct);
        var solutions = await db.Solutions.AsNoTracking().Where(s => s.MarketplaceStatus == MarketplaceStatus.Published)
            .OrderBy(s => s.Name).Select(s => new { s.Id, s.Name, s.OrganisationId }).ToListAsync(ct);

        // One option group per partner, so the choice is readable without JavaScript; the server checks the match.
        var groups = partners.ToDictionary(p => p.Id, p => new SelectListGroup { Name = p.Name });
        var solutionItems = solutions.Where(s => groups.ContainsKey(s.OrganisationId))
            .OrderBy(s => groups[s.OrganisationId].Name).ThenBy(s => s.Name)
            .Select(s => new SelectListItem(s.Name, s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)) { Group = groups[s.OrganisationId] })
            .ToList();
        var p = programme.Value;
        return new InboundFormPage(
            input,
            [.. partners.Select(o => new SelectListItem(o.Name, o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))],
            [.. customers.Select(c => new SelectListItem($"{c.Name} ({c.City}, {c.Country})", c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))],
            solutionItems,
            [.. p.OfferedCurrencies.Select(c => new SelectListItem(c, c))],
            [.. CountryNames.All.Select(c => new SelectListItem(c.Name, c.Code))],
            p.ReviewWindowDays);
    }
}
