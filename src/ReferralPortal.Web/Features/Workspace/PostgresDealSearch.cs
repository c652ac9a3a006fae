using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Deals;

namespace ReferralPortal.Web.Features.Workspace;

/// <summary>
/// PostgreSQL: the same contains-match as <see cref="LikeDealSearch"/>, written as a UNION of one lookup per
/// searched key so that each reads its own <c>pg_trgm</c> GIN index (PostgresConventions). The single
/// <c>deal LIKE … OR customer LIKE …</c> of LikeDealSearch spans two tables, which no index answers: at a million
/// deals PostgreSQL read every deal of the tenant (a parallel sequential scan of the table, joined to every
/// customer) for each search, 0.3–1 s one request at a time and seconds under load. Here: the deals whose key
/// matches (the deals' trigram index, rechecked and filtered to the view), the deals of the customers whose key
/// matches (the customers' trigram index, then the deals by customer), and, when the term is (part of) a
/// referral ID, the deals with that ID. Keys shorter than a trigram fall back to LikeDealSearch, as on SQLite.
/// </summary>
public sealed class PostgresDealSearch(ReferralsDbContext db) : IDealSearch
{
    private const string Escape = "\\";
    private readonly LikeDealSearch fallback = new();

    public IQueryable<Deal> Apply(IQueryable<Deal> deals, string text)
    {
        // Control characters (NUL above all) are not searchable text, and PostgreSQL's text refuses NUL.
        var term = new string([.. text.Where(c => !char.IsControl(c))]).Trim();
        var key = SearchKey.Of(term);
        if (key.Length < 3)
        {
            return fallback.Apply(deals, term);
        }

        var pattern = "%" + LikeDealSearch.EscapeLike(key) + "%";
        var customers = db.Customers.Where(c => EF.Functions.Like(c.NormalisedName, pattern, Escape)).Select(c => c.Id);
        var ids = deals.Where(d => EF.Functions.Like(d.NormalisedName, pattern, Escape)).Select(d => d.Id)
            .Union(deals.Where(d => customers.Contains(d.CustomerId)).Select(d => d.Id));
        if (LikeDealSearch.ByReferralId(term) is { } byId)
        {
            ids = ids.Union(deals.Where(byId).Select(d => d.Id));
        }

        return deals.Where(d => ids.Contains(d.Id));
    }
}
