using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Web.Infrastructure;

namespace ReferralPortal.Web.Features.Solutions;

public enum SolutionCommandOutcome
{
    Done,
    NotFound,

    /// <summary>Someone else changed the solution between the user's page and this save; nothing was saved.</summary>
    Conflict,
}

/// <summary>
/// Every change to a solution the same way, as <c>DealCommand</c> does for deals: load it tracked, refuse a form
/// posted from a page that showed an older Version, let the domain method decide (it throws when the actor may
/// not), save once. The Version token makes the save fail when another request changed the solution meanwhile, so
/// a partner's rename racing the programme admin's Publish never leaves it published under a name nobody reviewed.
/// </summary>
public sealed class SolutionCommand(ReferralsDbContext db, CurrentTenant current)
{
    public const string ConflictMessage = "This solution was changed by someone else. Nothing of your change was saved; this is its current state.";

    /// <param name="seenVersion">The Version the user's page showed; null acts on the solution as it is now.</param>
    /// <param name="ownOrganisationOnly">Only the actor's own organisation's solution (a partner's edit).</param>
    public async Task<SolutionCommandOutcome> RunAsync(int id, int? seenVersion, bool ownOrganisationOnly, Action<Solution, Actor> change, CancellationToken ct)
    {
        var actor = current.Actor;

        // The tenant filter hides other partners' solutions; the organisation test says so explicitly where it applies.
        var solution = await db.Solutions.FirstOrDefaultAsync(s => s.Id == id && (!ownOrganisationOnly || s.OrganisationId == actor.OrganisationId), ct);
        if (solution is null)
        {
            return SolutionCommandOutcome.NotFound;
        }

        if (seenVersion is int seen && seen != solution.Version)
        {
            return SolutionCommandOutcome.Conflict;
        }

        change(solution, actor);
        return await db.TrySaveChangesAsync(ct) ? SolutionCommandOutcome.Done : SolutionCommandOutcome.Conflict;
    }
}
