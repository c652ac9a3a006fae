using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Domain.Tests.Builders;

namespace ReferralPortal.Domain.Tests.Triage;

public sealed class ChannelConflictRuleTests
{
    private static ConflictParty Party(
        int dealId,
        int owner,
        int customerId = 7,
        bool manual = false,
        string customerName = "Lisboa Logística SA",
        string country = "PT",
        DealStatus status = DealStatus.New,
        DealType type = DealType.CoSell,
        RegistrationStatus registration = RegistrationStatus.NotRegistered,
        string? area = SolutionAreas.DataAndAi,
        int solutionId = 0) =>
        new(dealId, owner, customerId, manual, CompanyKey.Of(customerName), country, type, status, registration,
            [new ConflictSolution(solutionId == 0 ? 100 + dealId : solutionId, area)]);

    [Fact]
    public void Conflicts_same_customer_record_same_area_other_partner_gives_true() =>
        Assert.True(ChannelConflictRule.Conflicts(Party(1, Actors.PartnerA), Party(2, Actors.PartnerB)));

    [Fact]
    public void Conflicts_same_partner_gives_false() =>
        Assert.False(ChannelConflictRule.Conflicts(Party(1, Actors.PartnerA), Party(2, Actors.PartnerA)));

    [Fact]
    public void Conflicts_different_solution_area_gives_false() =>
        Assert.False(ChannelConflictRule.Conflicts(Party(1, Actors.PartnerA), Party(2, Actors.PartnerB, area: SolutionAreas.Security)));

    [Fact]
    public void Conflicts_same_solution_without_area_gives_true() =>
        Assert.True(ChannelConflictRule.Conflicts(Party(1, Actors.PartnerA, area: null, solutionId: 5), Party(2, Actors.PartnerB, area: null, solutionId: 5)));

    [Fact]
    public void Conflicts_no_area_and_different_solutions_gives_false() =>
        Assert.False(ChannelConflictRule.Conflicts(Party(1, Actors.PartnerA, area: null), Party(2, Actors.PartnerB, area: null)));

    [Theory]
    [InlineData(DealStatus.Won)]
    [InlineData(DealStatus.Lost)]
    [InlineData(DealStatus.Declined)]
    [InlineData(DealStatus.Expired)]
    [InlineData(DealStatus.ClosedAsError)]
    public void Conflicts_with_a_terminal_deal_gives_false(DealStatus terminal) =>
        Assert.False(ChannelConflictRule.Conflicts(Party(1, Actors.PartnerA), Party(2, Actors.PartnerB, status: terminal)));

    [Fact]
    public void Conflicts_with_a_private_deal_gives_false() =>
        Assert.False(ChannelConflictRule.Conflicts(Party(1, Actors.PartnerA), Party(2, Actors.PartnerB, type: DealType.Private, status: DealStatus.Active)));

    [Fact]
    public void Conflicts_manual_customer_with_accents_punctuation_and_legal_suffix_gives_true() =>
        Assert.True(ChannelConflictRule.Conflicts(
            Party(1, Actors.PartnerA, customerId: 7, customerName: "Lisboa Logística SA"),
            Party(2, Actors.PartnerB, customerId: 8, manual: true, customerName: "Lisboa Logistica, S.A.")));

    [Fact]
    public void Conflicts_manual_customer_in_another_country_gives_false() =>
        Assert.False(ChannelConflictRule.Conflicts(
            Party(1, Actors.PartnerA, customerId: 7),
            Party(2, Actors.PartnerB, customerId: 8, manual: true, customerName: "Lisboa Logistica, S.A.", country: "ES")));

    [Fact]
    public void Conflicts_two_directory_customers_with_the_same_name_gives_false() =>
        Assert.False(ChannelConflictRule.Conflicts(Party(1, Actors.PartnerA, customerId: 7), Party(2, Actors.PartnerB, customerId: 8)));

    [Fact]
    public void WhyNotApprove_with_another_partners_approved_registration_gives_the_reason()
    {
        var deal = Party(1, Actors.PartnerA, status: DealStatus.Active, registration: RegistrationStatus.Submitted);
        var holder = Party(2, Actors.PartnerB, status: DealStatus.Active, registration: RegistrationStatus.Approved);

        Assert.Equal(ChannelConflictRule.ApprovedElsewhere, ChannelConflictRule.WhyNotApprove(deal, [holder], new HashSet<ConflictPair>()));
    }

    [Fact]
    public void WhyNotApprove_when_the_pair_is_marked_not_a_conflict_gives_null()
    {
        var deal = Party(1, Actors.PartnerA, status: DealStatus.Active, registration: RegistrationStatus.Submitted);
        var holder = Party(2, Actors.PartnerB, status: DealStatus.Active, registration: RegistrationStatus.Approved);

        Assert.Null(ChannelConflictRule.WhyNotApprove(deal, [holder], new HashSet<ConflictPair> { ConflictPair.Of(2, 1) }));
    }

    [Fact]
    public void WhyNotApprove_when_the_other_registration_is_only_submitted_gives_null()
    {
        var deal = Party(1, Actors.PartnerA, status: DealStatus.Active, registration: RegistrationStatus.Submitted);
        var other = Party(2, Actors.PartnerB, status: DealStatus.Active, registration: RegistrationStatus.Submitted);

        Assert.Null(ChannelConflictRule.WhyNotApprove(deal, [other], new HashSet<ConflictPair>()));
    }

    [Fact]
    public void MarkNotAConflict_by_a_reviewer_with_a_note_clears_the_pair()
    {
        var pair = DealConflict.Between(5, 3, DealBuilder.Now);

        pair.MarkNotAConflict(Actors.Reviewer(), "Different subsidiaries", DealBuilder.Later);

        Assert.True(pair.IsCleared);
        Assert.Equal((3, 5), (pair.LowDealId, pair.HighDealId));
        Assert.Equal("Different subsidiaries", pair.Note);
    }

    [Fact]
    public void MarkNotAConflict_by_a_partner_is_refused()
    {
        var pair = DealConflict.Between(5, 3, DealBuilder.Now);

        Assert.Throws<NotAllowedException>(() => pair.MarkNotAConflict(Actors.PartnerAdmin(), "Mine", DealBuilder.Later));
        Assert.False(pair.IsCleared);
    }

    [Fact]
    public void MarkNotAConflict_without_a_note_is_refused()
    {
        var pair = DealConflict.Between(5, 3, DealBuilder.Now);

        Assert.Throws<DomainException>(() => pair.MarkNotAConflict(Actors.Reviewer(), "  ", DealBuilder.Later));
    }
}

public sealed class ReviewerAssignmentTests
{
    [Fact]
    public void AssignReviewer_by_a_reviewer_on_a_new_referral_records_an_activity()
    {
        var deal = new DealBuilder().Build();
        var updated = deal.UpdatedAt;

        deal.AssignReviewer(Actors.Reviewer(), "reviewer-2", "Rita Reviewer", DealBuilder.Later);

        Assert.Equal("reviewer-2", deal.AssignedReviewerId);
        Assert.Equal(ActivityKind.ReviewerAssigned, deal.Activities.Last().Kind);
        Assert.Equal(updated, deal.UpdatedAt);
    }

    [Fact]
    public void AssignReviewer_by_a_partner_is_refused() =>
        Assert.Throws<NotAllowedException>(() => new DealBuilder().Build().AssignReviewer(Actors.PartnerAdmin(), "x", "X", DealBuilder.Later));

    [Fact]
    public void AssignReviewer_on_a_deal_not_awaiting_the_vendor_is_refused() =>
        Assert.Throws<NotAllowedException>(() => new DealBuilder().BuildActive().AssignReviewer(Actors.Reviewer(), "x", "X", DealBuilder.Later));

    [Fact]
    public void AssignReviewer_on_a_submitted_registration_is_allowed()
    {
        var deal = new DealBuilder().BuildWithSubmittedRegistration();

        deal.AssignReviewer(Actors.ProgrammeAdmin(), "reviewer", "Vendor Reviewer", DealBuilder.Later);

        Assert.Equal("Vendor Reviewer", deal.AssignedReviewerName);
    }
}
