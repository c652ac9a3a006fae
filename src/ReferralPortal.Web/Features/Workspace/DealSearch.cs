using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Deals;

namespace ReferralPortal.Web.Features.Workspace;

/// <summary>
/// Free-text search over deal and customer names (and the referral ID). One seam, so a full-text index can
/// replace the LIKE scan without touching the workspace or the export. Names are matched through their stored
/// <see cref="SearchKey"/>, so the search is accent- and case-insensitive on every provider.
/// </summary>
public interface IDealSearch
{
    IQueryable<Deal> Apply(IQueryable<Deal> deals, string text);
}

/// <summary>
/// Contains-match with SQL LIKE over the deals' and customers' search keys (SQL Server; PostgreSQL, where the
/// <c>pg_trgm</c> GIN indexes of PostgresConventions answer it; and SQLite's short terms).
/// </summary>
public sealed class LikeDealSearch : IDealSearch
{
    private const string Escape = "\\";

    public IQueryable<Deal> Apply(IQueryable<Deal> deals, string text)
    {
        var pattern = "%" + EscapeLike(SearchKey.Of(text)) + "%";
        return deals.Where(ByReferralIdOr(text, d => EF.Functions.Like(d.NormalisedName, pattern, Escape) || EF.Functions.Like(d.Customer.NormalisedName, pattern, Escape)));
    }

    /// <summary>The name match, or else the deals whose referral ID the term is (part of).</summary>
    internal static Expression<Func<Deal, bool>> ByReferralIdOr(string text, Expression<Func<Deal, bool>> byName)
    {
        if (ByReferralId(text) is not { } byId)
        {
            return byName;
        }

        var deal = byName.Parameters[0];
        return Expression.Lambda<Func<Deal, bool>>(Expression.OrElse(byName.Body, new Rebind(byId.Parameters[0], deal).Visit(byId.Body)), deal);
    }

    /// <summary>The deals whose referral ID the term is (part of), or null when the term is not a referral ID.</summary>
    internal static Expression<Func<Deal, bool>>? ByReferralId(string text)
    {
        var id = ReferralIdSearch.For(text);
        if (id.IsNone)
        {
            return null;
        }

        // ToString() here is SQL's CAST of an integer (no culture involved); EF does not translate the IFormatProvider overload.
#pragma warning disable CA1305
        return d => d.Id == id.Exact || (d.Id >= id.From && d.Id <= id.To)
            || (id.Digits != null && d.Id.ToString().Contains(id.Digits));
#pragma warning restore CA1305
    }

    // The user's % and _ are literal characters, not wildcards.
    internal static string EscapeLike(string text) => text
        .Replace(@"\", @"\\", StringComparison.Ordinal)
        .Replace("%", @"\%", StringComparison.Ordinal)
        .Replace("_", @"\_", StringComparison.Ordinal);

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}

/// <summary>
/// SQLite: the same contains-match answered by the trigram FTS5 table <c>DealSearch</c> (migrations
/// DealSearchFts, RulesSearchKey: it indexes the search keys), so a search at a million deals reads the index
/// instead of every row. Keys shorter than a trigram fall back to LIKE, which the tenant's other filters keep bounded.
/// </summary>
public sealed class FtsDealSearch(ReferralsDbContext db) : IDealSearch
{
    private readonly LikeDealSearch fallback = new();

    public IQueryable<Deal> Apply(IQueryable<Deal> deals, string text)
    {
        // Control characters (NUL above all) are not searchable text, and FTS5 refuses them.
        var term = new string([.. text.Where(c => !char.IsControl(c))]).Trim();
        var key = SearchKey.Of(term);
        if (key.Length < 3 || key.StartsWith("R-", StringComparison.Ordinal))
        {
            return fallback.Apply(deals, term);
        }

        // One quoted phrase: FTS5 syntax characters in the user's text are literal.
        var phrase = "\"" + key.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var matches = db.Database.SqlQuery<int>($"SELECT rowid AS Value FROM DealSearch WHERE DealSearch MATCH {phrase}");
        return deals.Where(LikeDealSearch.ByReferralIdOr(term, d => matches.Contains(d.Id)));
    }
}
