using Microsoft.EntityFrameworkCore;
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
    private static string EscapeLike(string text) => text
        .Replace(@"\", @"\\", StringComparison.Ordinal)
        .Replace("%", @"\%", StringComparison.Ordinal)
        .Replace("_", @"\_", StringComparison.Ordinal);
}
