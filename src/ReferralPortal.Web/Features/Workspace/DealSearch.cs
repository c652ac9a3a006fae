using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Domain.Deals;

namespace ReferralPortal.Web.Features.Workspace;

/// <summary>
/// Free-text search over deal and customer names (and the referral ID). One seam, so a full-text index can
/// replace the LIKE scan without touching the workspace or the export.
/// </summary>
public interface IDealSearch
{
    IQueryable<Deal> Apply(IQueryable<Deal> deals, string text);
}

/// <summary>Contains-match with SQL LIKE (case-insensitive for ASCII on SQLite, per collation on SQL Server).</summary>
public sealed class LikeDealSearch : IDealSearch
{
    private const char Escape = '\\';

    public IQueryable<Deal> Apply(IQueryable<Deal> deals, string text)
    {
        if (Deal.ParseReferralId(text) is int id)
        {
            return deals.Where(d => d.Id == id);
        }

        var pattern = "%" + EscapeLike(text.Trim()) + "%";
        return deals.Where(d => EF.Functions.Like(d.Name, pattern, Escape.ToString()) || EF.Functions.Like(d.Customer.Name, pattern, Escape.ToString()));
    }

    // The user's % and _ are literal characters, not wildcards.
    internal static string EscapeLike(string text) => text
        .Replace(@"\", @"\\", StringComparison.Ordinal)
        .Replace("%", @"\%", StringComparison.Ordinal)
        .Replace("_", @"\_", StringComparison.Ordinal);
}

/// <summary>
/// SQLite: the same contains-match answered by the trigram FTS5 table <c>DealSearch</c> (migration
/// DealSearchFts), so a search at a million deals reads the index instead of every row. Terms shorter
/// than a trigram fall back to LIKE, which the tenant's other filters keep bounded.
/// </summary>
public sealed class FtsDealSearch(ReferralsDbContext db) : IDealSearch
{
    private readonly LikeDealSearch fallback = new();

    public IQueryable<Deal> Apply(IQueryable<Deal> deals, string text)
    {
        // Control characters (NUL above all) are not searchable text, and FTS5 refuses them.
        var term = new string([.. text.Where(c => !char.IsControl(c))]).Trim();
        if (Deal.ParseReferralId(term) is not null || term.Length < 3)
        {
            return fallback.Apply(deals, term);
        }

        // One quoted phrase: FTS5 syntax characters in the user's text are literal.
        var phrase = "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var matches = db.Database.SqlQuery<int>($"SELECT rowid AS Value FROM DealSearch WHERE DealSearch MATCH {phrase}");
        return deals.Where(d => matches.Contains(d.Id));
    }
}

/// <summary>
/// PostgreSQL: the same contains-match as ILIKE (case-insensitive, as SQLite's LIKE and SQL Server's default
/// collation are), answered by the <c>pg_trgm</c> GIN indexes on the deal and customer names (PostgresConventions).
/// </summary>
public sealed class TrigramDealSearch : IDealSearch
{
    private const string Escape = "\\";

    public IQueryable<Deal> Apply(IQueryable<Deal> deals, string text)
    {
        // PostgreSQL text cannot hold NUL, and control characters are not searchable text anyway.
        var term = new string([.. text.Where(c => !char.IsControl(c))]).Trim();
        if (Deal.ParseReferralId(term) is int id)
        {
            return deals.Where(d => d.Id == id);
        }

        var pattern = "%" + LikeDealSearch.EscapeLike(term) + "%";
        return deals.Where(d => EF.Functions.ILike(d.Name, pattern, Escape) || EF.Functions.ILike(d.Customer.Name, pattern, Escape));
    }
}
