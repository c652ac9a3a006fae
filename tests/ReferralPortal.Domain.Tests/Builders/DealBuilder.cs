using System.Reflection;
using ReferralPortal.Domain.Customers;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Organisations;

namespace ReferralPortal.Domain.Tests.Builders;

/// <summary>Builds deals through the real domain methods, so a built deal obeys every rule.</summary>
public sealed class DealBuilder
{
    public static readonly DateTime Now = new(2026, 11, 29, 10, 0, 0, DateTimeKind.Utc);
    public static readonly TimeSpan Window = TimeSpan.FromDays(ReviewState.DefaultWindowDays);

    /// <summary>Every status the domain calls terminal, for theories over "a closed deal".</summary>
    public static TheoryData<DealStatus> TerminalStatuses => [.. Enum.GetValues<DealStatus>().Where(Deal.IsTerminalStatus)];

    /// <summary>A moment well inside the review window of a deal built at <see cref="Now"/>.</summary>
    public static readonly DateTime Later = Now.AddDays(1);

    /// <summary>A moment after the review due date of a deal built at <see cref="Now"/>.</summary>
    public static readonly DateTime AfterDue = Now + Window + TimeSpan.FromHours(1);

    private int owner = Actors.PartnerA;
    private bool share = true;
    private bool inbound;
    private bool eligibleSolution = true;
    private HelpWanted help = HelpWanted.None;
    private DateTime createdAt = Now;

    public DealBuilder Private()
    {
        share = false;
        return this;
    }

    public DealBuilder Inbound()
    {
        inbound = true;
        return this;
    }

    public DealBuilder OwnedBy(int organisationId)
    {
        owner = organisationId;
        return this;
    }

    public DealBuilder WithoutEligibleSolution()
    {
        eligibleSolution = false;
        return this;
    }

    public DealBuilder WantingHelp(HelpWanted wanted)
    {
        help = wanted;
        return this;
    }

    public DealBuilder CreatedAt(DateTime at)
    {
        createdAt = at;
        return this;
    }

    public static Solution PublishedSolution(int org, bool coSellReady = true, bool registrationEligible = true, int id = 1)
    {
        var s = new Solution(org, "Analytics Cloud", "Analytics for retail");
        s.SetProgrammeStatus(Actors.ProgrammeAdmin(), MarketplaceStatus.Published, coSellReady ? CoSellStatus.CoSellReady : CoSellStatus.NotReady, registrationEligible);
        typeof(Solution).GetProperty(nameof(Solution.Id))!.SetValue(s, id);
        return s;
    }

    public static Customer Customer() => new("Lisboa Logística SA", "PT", "Avenida da Liberdade 110", "Lisboa", "1250-146", "Logistics", CompanySize.Large, null, false);

    public static DealDetails Details(DateTime now) => new("Retail analytics rollout", 125_000.50m, "EUR", "PT", DateOnly.FromDateTime(now).AddDays(60), false, "Met at the summit");

    public Deal Build()
    {
        var solution = PublishedSolution(owner, registrationEligible: eligibleSolution);
        var deal = inbound
            ? Deal.CreateInbound(Actors.Reviewer(), owner, Customer(), null, Details(createdAt), [solution], createdAt, Window)
            : Deal.CreateOutbound(Actors.PartnerAdmin(owner), Customer(), null, Details(createdAt), [solution], help, share, createdAt, Window);
        typeof(Deal).GetProperty(nameof(Deal.Id), BindingFlags.Public | BindingFlags.Instance)!.SetValue(deal, 42);
        return deal;
    }

    /// <summary>The side that must accept or decline this deal while it is New.</summary>
    public static Actor ReceivingSide(Deal deal) =>
        deal.Direction == DealDirection.Outbound ? Actors.Reviewer() : Actors.PartnerAdmin(deal.OwnerOrganisationId);

    /// <summary>The owner partner's referral admin.</summary>
    public static Actor OwnerAdmin(Deal deal) => Actors.PartnerAdmin(deal.OwnerOrganisationId);

    /// <summary>A deal brought to <paramref name="status"/> through the real transitions (a private deal cannot be New, Declined or Expired).</summary>
    public Deal BuildIn(DealStatus status)
    {
        var deal = status == DealStatus.New ? Build() : BuildActive();
        var at = createdAt.AddHours(2);
        switch (status)
        {
            case DealStatus.Won:
                deal.MarkWon(OwnerAdmin(deal), at);
                break;
            case DealStatus.Lost:
                deal.MarkLost(OwnerAdmin(deal), CloseReason.ChoseAnotherVendor, null, at);
                break;
            case DealStatus.ClosedAsError:
                deal.CloseAsError(OwnerAdmin(deal), ErrorReason.Duplicate, null, at);
                break;
            case DealStatus.Declined:
                deal = Build();
                deal.Decline(ReceivingSide(deal), CloseReason.NotACustomer, null, at);
                break;
            case DealStatus.Expired:
                deal = Build();
                deal.Expire(createdAt + Window + TimeSpan.FromHours(1));
                break;
            case DealStatus.Withdrawn:
                // Only an inbound referral the vendor sent can be withdrawn, while it is New.
                deal = Inbound().Build();
                deal.Withdraw(Actors.Reviewer(), "Sent to the wrong partner", at);
                break;
        }

        return deal.Status == status ? deal : throw new InvalidOperationException($"This builder cannot make a {status} deal.");
    }

    /// <summary>An active co-sell deal whose registration the owner's admin has submitted.</summary>
    public Deal BuildWithSubmittedRegistration()
    {
        var deal = BuildActive();
        deal.SubmitRegistration(OwnerAdmin(deal), createdAt.AddHours(2));
        return deal;
    }

    /// <summary>A co-sell outbound deal already accepted by the vendor.</summary>
    public Deal BuildActive()
    {
        var deal = Build();
        if (deal.Status == DealStatus.New)
        {
            deal.Accept(inbound ? Actors.PartnerAdmin(owner) : Actors.Reviewer(), createdAt.AddHours(1));
        }

        return deal;
    }
}
