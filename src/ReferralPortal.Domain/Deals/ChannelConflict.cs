using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Organisations;

namespace ReferralPortal.Domain.Deals;

/// <summary>A solution of a deal as the conflict rule sees it: its key and its solution area.</summary>
public sealed record ConflictSolution(int Id, string? Area);

/// <summary>One deal as the channel-conflict rule sees it (read from the database by an indexed look-up).</summary>
public sealed record ConflictParty(
    int DealId,
    int OwnerOrganisationId,
    int CustomerId,
    bool CustomerAddedManually,
    string CustomerMatchKey,
    string CustomerCountry,
    DealType DealType,
    DealStatus Status,
    RegistrationStatus Registration,
    IReadOnlyCollection<ConflictSolution> Solutions);

/// <summary>
/// Channel conflict (issue 19): two partners bring the vendor the same customer for the same kind of solution.
/// Two deals conflict when they are open co-sell deals of different partners, for the same customer record (or a
/// manually added customer whose <see cref="CompanyKey"/> and country match), with at least one solution in the same
/// solution area or the same solution. Private deals never take part: the vendor cannot see them.
/// </summary>
public static class ChannelConflictRule
{
    public const string ApprovedElsewhere = "Another partner holds an approved registration for this customer and solution. Mark the pair Not a conflict first if they are different opportunities.";

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> are a possible channel conflict.</summary>
    public static bool Conflicts(ConflictParty a, ConflictParty b) =>
        a.DealId != b.DealId
        && a.OwnerOrganisationId != b.OwnerOrganisationId
        && IsOpenCoSell(a) && IsOpenCoSell(b)
        && SameCustomer(a, b)
        && Overlap(a, b);

    /// <summary>The same customer record, or a manually added customer whose company key and country match.</summary>
    public static bool SameCustomer(ConflictParty a, ConflictParty b) =>
        a.CustomerId == b.CustomerId
        || ((a.CustomerAddedManually || b.CustomerAddedManually)
            && a.CustomerMatchKey.Length > 0
            && string.Equals(a.CustomerMatchKey, b.CustomerMatchKey, StringComparison.Ordinal)
            && string.Equals(a.CustomerCountry, b.CustomerCountry, StringComparison.OrdinalIgnoreCase));

    /// <summary>At least one solution in the same solution area, or the same solution.</summary>
    public static bool Overlap(ConflictParty a, ConflictParty b) =>
        a.Solutions.Any(x => b.Solutions.Any(y => x.Id == y.Id
            || (x.Area is not null && string.Equals(x.Area, y.Area, StringComparison.OrdinalIgnoreCase))));

    /// <summary>The candidates that conflict with <paramref name="deal"/>.</summary>
    public static IReadOnlyList<ConflictParty> ConflictsOf(ConflictParty deal, IEnumerable<ConflictParty> candidates) =>
        [.. candidates.Where(c => Conflicts(deal, c))];

    /// <summary>
    /// Why a reviewer may not approve <paramref name="deal"/>'s registration: another partner holds an approved
    /// registration for a conflicting deal (same customer and solution), unless a reviewer marked that pair Not a conflict.
    /// </summary>
    public static string? WhyNotApprove(ConflictParty deal, IEnumerable<ConflictParty> others, IReadOnlySet<ConflictPair> notConflicts) =>
        others.Any(o => o.Registration == RegistrationStatus.Approved && Conflicts(deal, o) && !notConflicts.Contains(ConflictPair.Of(deal.DealId, o.DealId)))
            ? ApprovedElsewhere
            : null;

    private static bool IsOpenCoSell(ConflictParty p) => p.DealType == DealType.CoSell && !Deal.IsTerminalStatus(p.Status);
}

/// <summary>Two deals' keys, smaller first, so a pair is stored and looked up once whichever side found it.</summary>
public readonly record struct ConflictPair(int Low, int High)
{
    public static ConflictPair Of(int a, int b) => a < b ? new(a, b) : new(b, a);
}

/// <summary>
/// A stored possible conflict between two deals; both show <b>Possible conflict</b> to vendor users until a reviewer
/// marks the pair <b>Not a conflict</b> with a note. Partners never read this table.
/// </summary>
public class DealConflict
{
    public const int NoteMaxLength = 1000;

    private DealConflict()
    {
    }

    public long Id { get; private set; }

    public int LowDealId { get; private set; }

    public int HighDealId { get; private set; }

    public DateTime DetectedAt { get; private set; }

    public DateTime? ClearedAt { get; private set; }

    public string? ClearedByUserId { get; private set; }

    public string? ClearedByName { get; private set; }

    public string? Note { get; private set; }

    public int Version { get; set; }

    public bool IsCleared => ClearedAt is not null;

    public static DealConflict Between(int dealId, int otherDealId, DateTime now)
    {
        if (dealId == otherDealId)
        {
            throw new DomainException("A deal does not conflict with itself.");
        }

        var pair = ConflictPair.Of(dealId, otherDealId);
        return new DealConflict { LowDealId = pair.Low, HighDealId = pair.High, DetectedAt = now };
    }

    /// <summary>The other deal of the pair.</summary>
    public int OtherThan(int dealId) => dealId == LowDealId ? HighDealId : LowDealId;

    /// <summary>Why the actor may not mark this pair Not a conflict, or null.</summary>
    public string? WhyNotClear(Actor actor) =>
        !actor.IsVendorReviewer ? "Only vendor reviewers decide channel conflicts."
        : IsCleared ? "This pair is already marked Not a conflict." : null;

    /// <summary>A reviewer says the two deals are different opportunities; the badge clears for this pair.</summary>
    public void MarkNotAConflict(Actor actor, string? note, DateTime now)
    {
        if (WhyNotClear(actor) is { } why)
        {
            throw new NotAllowedException(why);
        }

        Note = Guard.Text(note, "Note", 1, NoteMaxLength);
        ClearedAt = now;
        ClearedByUserId = actor.UserId;
        ClearedByName = actor.DisplayName;
    }
}
