using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Customers;
using ReferralPortal.Domain.Organisations;

namespace ReferralPortal.Domain.Deals;

/// <summary>
/// A referral. Every lifecycle move of SPEC section 3 is a method here that first asks the matching
/// <c>WhyNot…</c> rule (also used to decide which buttons a page shows) and throws when it refuses.
/// </summary>
public partial class Deal
{
    private readonly List<Solution> solutions = [];
    private readonly List<DealActivity> activities = [];
    private readonly List<DealNote> notes = [];
    private readonly List<DealTeamMember> team = [];

    private Deal()
    {
        Name = string.Empty;
        NormalisedName = string.Empty;
        Currency = string.Empty;
        LocationCountry = string.Empty;
        CreatedByUserId = string.Empty;
        Customer = null!;
    }

    public int Id { get; private set; }

    /// <summary>The human-readable referral ID shown to users (R-000123).</summary>
    public string ReferralId => FormatReferralId(Id);

    public int OwnerOrganisationId { get; private set; }

    public DealDirection Direction { get; private set; }

    public int CustomerId { get; private set; }

    public Customer Customer { get; private set; }

    public DealContact? Contact { get; private set; }

    public string Name { get; private set; }

    /// <summary>The name's <see cref="SearchKey"/> (accent- and case-free), what workspace search matches.</summary>
    public string NormalisedName { get; private set; }

    public decimal Value { get; private set; }

    public string Currency { get; private set; }

    public string LocationCountry { get; private set; }

    public DateOnly EstimatedCloseDate { get; private set; }

    public bool ContainsPlaceholderData { get; private set; }

    public string? Notes { get; private set; }

    public HelpWanted HelpWanted { get; private set; }

    public DealType DealType { get; private set; }

    public DealStatus Status { get; private set; }

    public RegistrationStatus RegistrationStatus { get; private set; }

    public string? RegistrationRejectionReason { get; private set; }

    public CloseReason? CloseReason { get; private set; }

    public ErrorReason? ErrorReason { get; private set; }

    public string? CloseComment { get; private set; }

    /// <summary>When the deal was shared with the receiving side (null for private deals).</summary>
    public DateTime? SharedAt { get; private set; }

    public DateTime? ReviewDueAt { get; private set; }

    /// <summary>When the receiving side accepted or declined, or the window expired.</summary>
    public DateTime? DecidedAt { get; private set; }

    /// <summary>When the "3 days left" reminder went out for the current review window.</summary>
    public DateTime? ReviewReminderSentAt { get; set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public string CreatedByUserId { get; private set; }

    /// <summary>Optimistic concurrency token, bumped on every save by the data layer.</summary>
    public int Version { get; set; }

    public IReadOnlyCollection<Solution> Solutions => solutions;

    public IReadOnlyCollection<DealActivity> Activities => activities;

    public IReadOnlyCollection<DealNote> NotesThread => notes;

    /// <summary>The people working the deal (SPEC 9); the creator of an outbound deal is the first.</summary>
    public IReadOnlyCollection<DealTeamMember> Team => team;

    public bool IsTerminal => IsTerminalStatus(Status);

    public bool IsCoSell => DealType == DealType.CoSell;

    public static bool IsTerminalStatus(DealStatus status) =>
        status is DealStatus.Won or DealStatus.Lost or DealStatus.Declined or DealStatus.Expired or DealStatus.ClosedAsError;

    public static string FormatReferralId(int id) => $"R-{id:D6}";

    /// <summary>Parses "R-000123" (or "r-123") back to the key; null when it is not a referral ID.</summary>
    public static int? ParseReferralId(string? text)
    {
        var t = text?.Trim();
        if (t is null || t.Length < 3 || (t[0] != 'R' && t[0] != 'r') || t[1] != '-')
        {
            return null;
        }

        return int.TryParse(t.AsSpan(2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
    }

    /// <summary>A partner's admin creates a deal: shared = co-sell (New, reviewed by the vendor), otherwise private (Active).</summary>
    public static Deal CreateOutbound(Actor actor, Customer customer, DealContact? contact, DealDetails details, IReadOnlyCollection<Solution> attached, HelpWanted help, bool share, DateTime now, TimeSpan reviewWindow)
    {
        // The wizard's rule. The aggregate sees only the attached solutions, and an attached solution need not be
        // co-sell ready itself (SPEC 5): the organisation's ready solution is the gate's fact, checked on every wizard
        // request, so here the actor's condition is the one that can refuse.
        if (DealCreationPolicy.Check(actor, hasPublishedCoSellReadySolution: true).UnmetConditions is [var why, ..])
        {
            throw new NotAllowedException(why);
        }

        if (attached.Count == 0)
        {
            throw new DomainException("Choose at least one solution.");
        }

        if (attached.Any(s => s.OrganisationId != actor.OrganisationId || !s.IsPublished))
        {
            throw new DomainException("Choose only your organisation's published solutions.");
        }

        if (help != HelpWanted.None && !share)
        {
            throw new DomainException("Asking the vendor for help requires sharing the deal with the vendor.");
        }

        var deal = NewDeal(actor, actor.OrganisationId, DealDirection.Outbound, customer, contact, details, attached, help, now);
        deal.DealType = share ? DealType.CoSell : DealType.Private;
        if (share)
        {
            deal.Status = DealStatus.New;
            deal.SharedAt = now;
            deal.ReviewDueAt = now + reviewWindow;
        }
        else
        {
            deal.Status = DealStatus.Active;
            deal.Stage = SalesStage.Accepted;
        }

        deal.JoinCreator(actor, now);
        deal.RegistrationStatus = deal.EvaluateRegistration();
        deal.Log(ActivityKind.Created, actor, now, null, deal.Status, null, share ? "Shared with the vendor (co-sell)" : "Private deal");
        return deal;
    }

    /// <summary>A vendor reviewer sends a referral to one partner, who has the review window to accept or decline it.</summary>
    public static Deal CreateInbound(Actor actor, int partnerOrganisationId, Customer customer, DealContact? contact, DealDetails details, IReadOnlyCollection<Solution> suggested, DateTime now, TimeSpan reviewWindow)
    {
        if (!actor.IsVendorReviewer)
        {
            throw new NotAllowedException("Only vendor reviewers can send referrals to partners.");
        }

        if (suggested.Any(s => s.OrganisationId != partnerOrganisationId || !s.IsPublished))
        {
            throw new DomainException("Suggest only published solutions of the chosen partner.");
        }

        var deal = NewDeal(actor, partnerOrganisationId, DealDirection.Inbound, customer, contact, details, suggested, HelpWanted.None, now);
        deal.DealType = DealType.CoSell;
        deal.Status = DealStatus.New;
        deal.SharedAt = now;
        deal.ReviewDueAt = now + reviewWindow;
        deal.RegistrationStatus = deal.EvaluateRegistration();
        deal.Log(ActivityKind.Created, actor, now, null, DealStatus.New, null, "Sent to the partner");
        return deal;
    }

    private static Deal NewDeal(Actor actor, int owner, DealDirection direction, Customer customer, DealContact? contact, DealDetails details, IReadOnlyCollection<Solution> attached, HelpWanted help, DateTime now)
    {
        var valid = details.Validated(DateOnly.FromDateTime(now));
        var deal = new Deal
        {
            OwnerOrganisationId = owner,
            Direction = direction,
            Customer = customer ?? throw new DomainException("Choose a customer."),
            CustomerId = customer.Id,
            Contact = contact is { IsEmpty: false } ? contact : null,
            HelpWanted = help,
            CreatedAt = now,
            UpdatedAt = now,
            CreatedByUserId = actor.UserId,
        };
        deal.ApplyDetails(valid);
        deal.solutions.AddRange(attached.DistinctBy(s => s.Id));
        return deal;
    }

    private void ApplyDetails(DealDetails d)
    {
        Name = d.Name;
        NormalisedName = SearchKey.Of(d.Name);
        Value = d.Value;
        Currency = d.Currency;
        LocationCountry = d.LocationCountry;
        EstimatedCloseDate = d.EstimatedCloseDate;
        ContainsPlaceholderData = d.ContainsPlaceholderData;
        Notes = d.Notes;
    }

    /// <summary>Registration eligibility (SPEC 4): co-sell with at least one registration-eligible solution.</summary>
    public bool IsEligibleForRegistration => IsCoSell && solutions.Any(s => s.MakesDealsEligibleForRegistration);

    private RegistrationStatus EvaluateRegistration() =>
        RegistrationStatus is RegistrationStatus.Submitted or RegistrationStatus.Approved or RegistrationStatus.Rejected
            ? RegistrationStatus
            : IsEligibleForRegistration ? RegistrationStatus.NotRegistered : RegistrationStatus.NotEligible;

    /// <summary>Whether this actor may see the deal at all: the owner partner, or the vendor for co-sell deals.</summary>
    public bool IsVisibleTo(Actor actor) => IsVisibleTo(actor, OwnerOrganisationId, DealType);

    public static bool IsVisibleTo(Actor actor, int ownerOrganisationId, DealType type) =>
        actor.IsPartner ? actor.BelongsTo(ownerOrganisationId) : type == DealType.CoSell;

    /// <summary>Contact details are the owner's, and the vendor's once the deal is co-sell.</summary>
    public bool ContactVisibleTo(Actor actor) => IsVisibleTo(actor);

    /// <summary>The side that must accept or decline a New deal.</summary>
    public bool IsReceivingSide(Actor actor) => Direction == DealDirection.Outbound
        ? actor.IsVendorReviewer
        : actor.IsPartnerAdmin && actor.BelongsTo(OwnerOrganisationId);

    /// <summary>The review window has passed (the deal is, or is about to be, Expired): <see cref="ReviewState.Overdue"/>.</summary>
    public bool IsReviewOverdue(DateTime now) => ReviewState.Overdue.Holds(this, now);

    /// <summary>The review countdown now (<see cref="ReviewCountdown"/>); null when not awaiting review.</summary>
    public ReviewCountdown? ReviewCountdownAt(DateTime now) => ReviewCountdown.Of(Status, ReviewDueAt, now);

    private bool IsOwnerAdmin(Actor actor) => actor.IsPartnerAdmin && actor.BelongsTo(OwnerOrganisationId);

    /// <param name="visibleToOwner">False for what the owner partner never sees (a vendor-internal note): their "Last updated" stays.</param>
    private void Log(ActivityKind kind, Actor? actor, DateTime at, DealStatus? from, DealStatus? to, string? reason, string? comment, bool visibleToOwner = true)
    {
        activities.Add(new DealActivity(kind, actor?.UserId, actor?.DisplayName ?? "System", at, from, to, reason, comment));
        if (visibleToOwner)
        {
            UpdatedAt = at;
        }
    }

    // One entry per changed field: "Value: 100000.00 EUR → 125000.00 EUR".
    private void LogChange(ActivityKind kind, Actor actor, DateTime at, DealField field, string? oldValue, string? newValue)
    {
        activities.Add(new DealActivity(kind, actor.UserId, actor.DisplayName, at, null, null, null, null).About(field, oldValue, newValue));
        UpdatedAt = at;
    }

    private static void Ensure(string? whyNot)
    {
        if (whyNot is not null)
        {
            throw new NotAllowedException(whyNot);
        }
    }
}
