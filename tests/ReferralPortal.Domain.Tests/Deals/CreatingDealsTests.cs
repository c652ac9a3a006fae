using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Domain.Tests.Builders;

namespace ReferralPortal.Domain.Tests.Deals;

/// <summary>SPEC 3, the three "(create)" rows of the lifecycle table.</summary>
public sealed class CreatingDealsTests
{
    private static readonly DateTime Now = DealBuilder.Now;

    private static Deal CreateOutbound(Actor by, bool share, HelpWanted help = HelpWanted.None, params Solution[] attached) =>
        Deal.CreateOutbound(by, DealBuilder.Customer(), null, DealBuilder.Details(Now), attached, help, share, Now, DealBuilder.Window);

    private static Deal CreateInbound(Actor by, params Solution[] suggested) =>
        Deal.CreateInbound(by, Actors.PartnerA, DealBuilder.Customer(), null, DealBuilder.Details(Now), suggested, Now, DealBuilder.Window);

    private static Solution OwnSolution() => DealBuilder.PublishedSolution(Actors.PartnerA);

    [Fact]
    public void Shared_outbound_deal_by_partner_admin_gives_new_co_sell_deal()
    {
        var deal = CreateOutbound(Actors.PartnerAdmin(), share: true, attached: OwnSolution());

        Assert.Equal((DealStatus.New, DealType.CoSell, DealDirection.Outbound), (deal.Status, deal.DealType, deal.Direction));
    }

    [Fact]
    public void Shared_outbound_deal_gives_review_due_date_14_days_after_sharing()
    {
        var deal = CreateOutbound(Actors.PartnerAdmin(), share: true, attached: OwnSolution());

        Assert.Equal(Now, deal.SharedAt);
        Assert.Equal(Now.AddDays(14), deal.ReviewDueAt);
    }

    [Theory]
    [InlineData("reviewer")]
    [InlineData("programme-admin")]
    public void Shared_outbound_deal_is_visible_to_vendor_users(string who)
    {
        var deal = CreateOutbound(Actors.PartnerAdmin(), share: true, attached: OwnSolution());

        Assert.True(deal.IsVisibleTo(Actors.Named(who)));
    }

    [Fact]
    public void Unshared_outbound_deal_gives_active_private_deal_without_review_date()
    {
        var deal = CreateOutbound(Actors.PartnerAdmin(), share: false, attached: OwnSolution());

        Assert.Equal((DealStatus.Active, DealType.Private), (deal.Status, deal.DealType));
        Assert.Null(deal.SharedAt);
        Assert.Null(deal.ReviewDueAt);
    }

    [Theory]
    [InlineData("reviewer")]
    [InlineData("programme-admin")]
    public void Private_deal_is_never_visible_to_vendor_users(string who)
    {
        var deal = CreateOutbound(Actors.PartnerAdmin(), share: false, attached: OwnSolution());

        Assert.False(deal.IsVisibleTo(Actors.Named(who)));
    }

    [Theory]
    [InlineData("other-admin")]
    [InlineData("other-user")]
    public void Outbound_deal_is_not_visible_to_another_partner(string who)
    {
        var deal = CreateOutbound(Actors.PartnerAdmin(), share: true, attached: OwnSolution());

        Assert.False(deal.IsVisibleTo(Actors.Named(who)));
    }

    [Fact]
    public void Outbound_deal_without_solutions_is_refused()
    {
        Assert.Throws<DomainException>(() => CreateOutbound(Actors.PartnerAdmin(), share: true));
    }

    [Fact]
    public void Outbound_deal_with_another_partners_solution_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => CreateOutbound(Actors.PartnerAdmin(), share: true, attached: DealBuilder.PublishedSolution(Actors.PartnerB)));

        Assert.Contains("published solutions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Outbound_deal_with_a_draft_solution_is_refused()
    {
        var draft = new Solution(Actors.PartnerA, "Edge Gateway", "Not yet published");

        Assert.Throws<DomainException>(() => CreateOutbound(Actors.PartnerAdmin(), share: true, attached: draft));
    }

    [Fact]
    public void Outbound_deal_asking_for_help_without_sharing_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => CreateOutbound(Actors.PartnerAdmin(), share: false, HelpWanted.ProofOfConceptOrDemo, OwnSolution()));

        Assert.Contains("requires sharing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shared_outbound_deal_asking_for_help_keeps_every_kind_of_help_asked()
    {
        const HelpWanted help = HelpWanted.QuotesAndLicensing | HelpWanted.PostSalesCustomerSuccess;

        var deal = CreateOutbound(Actors.PartnerAdmin(), share: true, help, OwnSolution());

        Assert.Equal(help, deal.HelpWanted);
    }

    [Fact]
    public void Creating_a_deal_records_a_created_activity_by_the_creator()
    {
        var admin = Actors.PartnerAdmin();

        var deal = CreateOutbound(admin, share: true, attached: OwnSolution());

        var entry = Assert.Single(deal.Activities);
        Assert.Equal((ActivityKind.Created, admin.UserId, Now, (DealStatus?)DealStatus.New), (entry.Kind, entry.ActorUserId, entry.At, entry.ToStatus));
    }

    [Fact]
    public void Contact_with_only_blank_fields_is_stored_as_no_contact()
    {
        var deal = Deal.CreateOutbound(Actors.PartnerAdmin(), DealBuilder.Customer(), new DealContact(" ", null, "", null, null), DealBuilder.Details(Now), [OwnSolution()], HelpWanted.None, true, Now, DealBuilder.Window);

        Assert.Null(deal.Contact);
    }

    [Fact]
    public void Inbound_deal_by_vendor_reviewer_gives_new_co_sell_deal_owned_by_the_partner()
    {
        var deal = CreateInbound(Actors.Reviewer(), OwnSolution());

        Assert.Equal((DealStatus.New, DealType.CoSell, DealDirection.Inbound, Actors.PartnerA), (deal.Status, deal.DealType, deal.Direction, deal.OwnerOrganisationId));
        Assert.Equal(Now.AddDays(14), deal.ReviewDueAt);
    }

    [Fact]
    public void Inbound_deal_by_programme_admin_is_allowed()
    {
        var deal = CreateInbound(Actors.ProgrammeAdmin(), OwnSolution());

        Assert.Equal(DealStatus.New, deal.Status);
    }

    [Fact]
    public void Inbound_deal_is_visible_to_its_partner_but_not_to_another_partner()
    {
        var deal = CreateInbound(Actors.Reviewer(), OwnSolution());

        Assert.True(deal.IsVisibleTo(Actors.PartnerUser(Actors.PartnerA)));
        Assert.False(deal.IsVisibleTo(Actors.PartnerAdmin(Actors.PartnerB)));
    }

    [Theory]
    [InlineData("owner-admin")]
    [InlineData("owner-user")]
    public void Inbound_deal_by_a_partner_is_refused(string who)
    {
        Assert.Throws<NotAllowedException>(() => CreateInbound(Actors.Named(who), OwnSolution()));
    }

    [Fact]
    public void Inbound_deal_suggesting_another_partners_solution_is_refused()
    {
        Assert.Throws<DomainException>(() => CreateInbound(Actors.Reviewer(), DealBuilder.PublishedSolution(Actors.PartnerB)));
    }
}
