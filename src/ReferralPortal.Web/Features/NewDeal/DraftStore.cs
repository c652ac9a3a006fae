using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Domain.Drafts;
using ReferralPortal.Domain.Organisations;

namespace ReferralPortal.Web.Features.NewDeal;

/// <summary>A draft the user is working on, with its decoded wizard state.</summary>
public sealed record OpenDraft(DealDraft Draft, NewDealState State);

/// <summary>A line of the user's drafts list on the Outbound tab.</summary>
public sealed record DraftSummary(Guid Id, string? Title, int CompletedStep, DateTime UpdatedAt)
{
    public int NextStep => Math.Min(CompletedStep + 1, WizardSteps.Count);
}

/// <summary>
/// Saves the wizard's state in the database after every step (not in session or TempData), so a reload,
/// a new sign-in or another app instance resumes it. The context's filter limits drafts to their user,
/// so a forged or foreign draft id reads as missing.
/// </summary>
public sealed class DraftStore(ReferralsDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The user's live draft, tracked for saving; null when missing, another user's or expired.</summary>
    public async Task<OpenDraft?> OpenAsync(Guid id, CancellationToken ct)
    {
        var draft = await db.DealDrafts.FirstOrDefaultAsync(d => d.Id == id, ct);
        return draft is null || draft.IsExpired(Now) ? null : new OpenDraft(draft, Decode(draft.Payload));
    }

    public DealDraft Start(Actor actor)
    {
        var draft = new DealDraft(actor.UserId, actor.OrganisationId, Now);
        db.DealDrafts.Add(draft);
        return draft;
    }

    /// <summary>Records a completed step; the Version token makes a stale save fail instead of overwriting.</summary>
    public async Task SaveAsync(DealDraft draft, NewDealState state, int completedStep, CancellationToken ct)
    {
        Record(draft, state, completedStep);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Writes the state into the tracked draft without saving (for a caller that saves more in one go).</summary>
    public void Record(DealDraft draft, NewDealState state, int completedStep) =>
        draft.Save(completedStep, JsonSerializer.Serialize(state, Json), TitleOf(state), Now);

    public async Task<bool> DiscardAsync(Guid id, CancellationToken ct) =>
        await db.DealDrafts.Where(d => d.Id == id && d.CreatedDealId == null).ExecuteDeleteAsync(ct) > 0;

    /// <summary>The user's unfinished drafts, newest first; their drafts past the 30-day lifetime are deleted on the way.</summary>
    public async Task<IReadOnlyList<DraftSummary>> ListAsync(CancellationToken ct)
    {
        var cutoff = Now - DealDraft.Lifetime;
        var expired = db.DealDrafts.Where(d => d.UpdatedAt < cutoff);

        // A DELETE takes SQLite's write lock even when nothing matches; this list is shown on every
        // Outbound view of an admin, so only write when there is something to remove.
        if (await expired.AnyAsync(ct))
        {
            await expired.ExecuteDeleteAsync(ct);
        }

        return await db.DealDrafts.AsNoTracking()
            .Where(d => d.CreatedDealId == null)
            .OrderByDescending(d => d.UpdatedAt)
            .Take(20)
            .Select(d => new DraftSummary(d.Id, d.Title, d.CompletedStep, d.UpdatedAt))
            .ToListAsync(ct);
    }

    internal static NewDealState Decode(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<NewDealState>(payload, Json) ?? new NewDealState();
        }
        catch (JsonException)
        {
            // A payload from an older wizard shape: start the steps again rather than fail.
            return new NewDealState();
        }
    }

    private static string? TitleOf(NewDealState state) =>
        state.Details?.Name is { Length: > 0 } name ? $"{name.Trim()} – {state.CustomerName}" : state.CustomerName;
}
