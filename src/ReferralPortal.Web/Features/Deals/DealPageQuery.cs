using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Organisations;

namespace ReferralPortal.Web.Features.Deals;

public sealed record DealPage(Deal Deal, string OwnerName, IReadOnlyList<DealAction> Actions, bool ShowContact, DateTime Now)
{
    public bool IsFavourite { get; init; }

    /// <summary>The notes this viewer may read, oldest first (partners never get vendor-internal notes).</summary>
    public IReadOnlyList<DealNote> Notes { get; init; } = [];

    public IReadOnlyList<TimelineEntry> Timeline { get; init; } = [];

    public bool CanAddNote => Actions.Contains(DealAction.AddNote);

    public bool CanKeepNoteInternal { get; init; }

    /// <summary>The note form's values (kept when it is re-shown with messages).</summary>
    public AddNoteInput NoteInput { get; init; } = new();

    public IReadOnlyList<TeamPerson> Team { get; init; } = [];

    /// <summary>The vendor's triage panel (issue 19); null for partners, who never see conflicts or reviewers.</summary>
    public Triage.DealTriageView? Triage { get; init; }

    /// <summary>Who the admin may add to the team (only filled for those who may manage it).</summary>
    public IReadOnlyList<TeamPerson> Candidates { get; init; } = [];

    public bool CanEdit => Actions.Contains(DealAction.Edit);

    public bool CanManageTeam => Actions.Contains(DealAction.ManageTeam);

    public bool CanMoveStage => Actions.Contains(DealAction.MoveStage);

    /// <summary>The stages the deal may move to now (empty when the viewer may not move it).</summary>
    public IReadOnlyList<SalesStage> NextStages => CanMoveStage ? Deal.NextStages() : [];
}

/// <summary>Loads one deal for its page. A deal the user may not see is indistinguishable from a missing one.</summary>
public sealed class DealPageQuery(ReferralsDbContext db, TimeProvider clock, DealTeamDirectory directory, Triage.ConflictQuery conflicts, Triage.ReviewerDirectory reviewers)
{
    public async Task<DealPage?> RunAsync(Actor actor, int id, CancellationToken ct)
    {
        // The tenant filters apply to the included notes too; the explicit check below is the second lock.
        var deal = await db.Deals.AsNoTracking().AsSplitQuery()
            .Include(d => d.Customer)
            .Include(d => d.Solutions.OrderBy(s => s.Name))
            .Include(d => d.Activities)
            .Include(d => d.NotesThread.OrderBy(n => n.At))
            .Include(d => d.Team)
            .FirstOrDefaultAsync(d => d.Id == id, ct);
        if (deal is null || !deal.IsVisibleTo(actor))
        {
            return null;
        }

        var owner = await db.Organisations.Where(o => o.Id == deal.OwnerOrganisationId).Select(o => o.Name).FirstAsync(ct);
        var favourite = await db.DealFavourites.AnyAsync(f => f.DealId == id && f.UserId == actor.UserId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var actions = deal.AllowedActions(actor, now);

        // The team is the owner organisation's business; the vendor does not see who works the deal.
        var team = actor.IsPartner ? await directory.MembersAsync(id, ct) : [];
        var candidates = actions.Contains(DealAction.ManageTeam) ? await directory.CandidatesAsync(deal.OwnerOrganisationId, id, ct) : [];
        return new DealPage(deal, owner, actions, deal.ContactVisibleTo(actor), now)
        {
            Team = team,
            Candidates = candidates,
            IsFavourite = favourite,
            Notes = [.. deal.NotesThread.Where(n => actor.IsVendor || !n.VendorInternal)],
            // Reviewer assignments are the vendor's internal business.
            Timeline = DealTimeline.For(deal.Activities.Where(a => actor.IsVendor || a.Kind != ActivityKind.ReviewerAssigned)),
            Triage = actor.IsVendor ? await TriageAsync(actor, deal, actions, ct) : null,
            CanKeepNoteInternal = actor.IsVendor,
        };
    }

    private async Task<Triage.DealTriageView> TriageAsync(Actor actor, Deal deal, IReadOnlyList<DealAction> actions, CancellationToken ct)
    {
        var flagged = await conflicts.FlaggedAsync(actor, [deal.Id], ct);
        var any = await db.DealConflicts.AsNoTracking().AnyAsync(c => c.LowDealId == deal.Id || c.HighDealId == deal.Id, ct);
        var canAssign = actions.Contains(DealAction.AssignReviewer);
        return new Triage.DealTriageView(
            deal.Id,
            deal.Version,
            flagged.Contains(deal.Id),
            any,
            deal.AssignedReviewerName,
            canAssign,
            deal.AssignedReviewerId == actor.UserId,
            canAssign ? await reviewers.AllAsync(actor.OrganisationId, ct) : [])
        {
            CanWithdraw = actions.Contains(DealAction.Withdraw),
        };
    }
}
