using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Tests.Builders;

namespace ReferralPortal.Domain.Tests.Deals;

/// <summary>SPEC 3: Active → Won / Lost and any non-terminal → Closed as error, by the owner's referral admin.</summary>
public sealed class ClosingDealsTests
{
    private static readonly DateTime Later = DealBuilder.Later;

    [Theory]
    [InlineData("co-sell")]
    [InlineData("private")]
    [InlineData("inbound")]
    public void Mark_won_by_the_owner_admin_gives_a_won_deal(string kind)
    {
        var deal = Active(kind);

        deal.MarkWon(DealBuilder.OwnerAdmin(deal), Later);

        Assert.Equal(DealStatus.Won, deal.Status);
        Assert.Equal((ActivityKind.Won, (DealStatus?)DealStatus.Active, (DealStatus?)DealStatus.Won), (deal.Activities.Last().Kind, deal.Activities.Last().FromStatus, deal.Activities.Last().ToStatus));
    }

    [Theory]
    [InlineData("owner-user")]
    [InlineData("other-admin")]
    [InlineData("reviewer")]
    [InlineData("programme-admin")]
    public void Mark_won_by_anyone_but_the_owner_admin_is_refused(string who)
    {
        var deal = new DealBuilder().BuildActive();

        Assert.Throws<NotAllowedException>(() => deal.MarkWon(Actors.Named(who), Later));
        Assert.Equal(DealStatus.Active, deal.Status);
    }

    [Fact]
    public void Mark_won_of_a_new_deal_is_refused()
    {
        var deal = new DealBuilder().Build();

        var error = Assert.Throws<NotAllowedException>(() => deal.MarkWon(Actors.PartnerAdmin(), Later));

        Assert.Equal("Only an active deal can be marked won or lost.", error.Message);
    }

    [Fact]
    public void Mark_lost_by_the_owner_admin_gives_a_lost_deal_with_the_close_reason()
    {
        var deal = new DealBuilder().BuildActive();

        deal.MarkLost(Actors.PartnerAdmin(), CloseReason.BudgetNotAdequate, "Budget moved to next year", Later);

        Assert.Equal((DealStatus.Lost, (CloseReason?)CloseReason.BudgetNotAdequate, "Budget moved to next year"), (deal.Status, deal.CloseReason, deal.CloseComment));
        Assert.Equal("BudgetNotAdequate", deal.Activities.Last().Reason);
    }

    [Theory]
    [InlineData("owner-user")]
    [InlineData("other-admin")]
    [InlineData("reviewer")]
    public void Mark_lost_by_anyone_but_the_owner_admin_is_refused(string who)
    {
        var deal = new DealBuilder().BuildActive();

        Assert.Throws<NotAllowedException>(() => deal.MarkLost(Actors.Named(who), CloseReason.Other, null, Later));
    }

    [Fact]
    public void Mark_lost_of_a_new_deal_is_refused()
    {
        var deal = new DealBuilder().Inbound().Build();

        Assert.Throws<NotAllowedException>(() => deal.MarkLost(Actors.PartnerAdmin(), CloseReason.Other, null, Later));
    }

    [Fact]
    public void Mark_lost_with_a_reason_that_is_not_in_the_list_is_refused()
    {
        var deal = new DealBuilder().BuildActive();

        Assert.Throws<DomainException>(() => deal.MarkLost(Actors.PartnerAdmin(), (CloseReason)99, null, Later));
        Assert.Equal(DealStatus.Active, deal.Status);
    }

    [Theory]
    [InlineData(DealStatus.New)]
    [InlineData(DealStatus.Active)]
    public void Close_as_error_by_the_owner_admin_works_from_any_non_terminal_status(DealStatus from)
    {
        var deal = new DealBuilder().BuildIn(from);

        deal.CloseAsError(Actors.PartnerAdmin(), ErrorReason.TestReferral, null, Later);

        Assert.Equal((DealStatus.ClosedAsError, (ErrorReason?)ErrorReason.TestReferral), (deal.Status, deal.ErrorReason));
        Assert.Equal((DealStatus?)from, deal.Activities.Last().FromStatus);
    }

    [Fact]
    public void Close_as_error_of_a_new_inbound_deal_by_the_owner_admin_is_allowed()
    {
        var deal = new DealBuilder().Inbound().Build();

        deal.CloseAsError(Actors.PartnerAdmin(), ErrorReason.Duplicate, null, Later);

        Assert.Equal(DealStatus.ClosedAsError, deal.Status);
    }

    [Fact]
    public void Close_as_error_with_reason_other_and_no_note_is_refused()
    {
        var deal = new DealBuilder().BuildActive();

        var error = Assert.Throws<DomainException>(() => deal.CloseAsError(Actors.PartnerAdmin(), ErrorReason.Other, "   ", Later));

        Assert.Equal("Explain the error in a note when the reason is Other.", error.Message);
        Assert.Equal(DealStatus.Active, deal.Status);
    }

    [Fact]
    public void Close_as_error_with_reason_other_and_a_note_keeps_the_note()
    {
        var deal = new DealBuilder().BuildActive();

        deal.CloseAsError(Actors.PartnerAdmin(), ErrorReason.Other, "Created by the import script", Later);

        Assert.Equal("Created by the import script", deal.CloseComment);
    }

    [Fact]
    public void Close_as_error_with_a_reason_that_is_not_in_the_list_is_refused()
    {
        var deal = new DealBuilder().BuildActive();

        Assert.Throws<DomainException>(() => deal.CloseAsError(Actors.PartnerAdmin(), (ErrorReason)42, "note", Later));
    }

    [Theory]
    [InlineData("owner-user")]
    [InlineData("other-admin")]
    [InlineData("reviewer")]
    [InlineData("programme-admin")]
    public void Close_as_error_by_anyone_but_the_owner_admin_is_refused(string who)
    {
        var deal = new DealBuilder().BuildActive();

        Assert.Throws<NotAllowedException>(() => deal.CloseAsError(Actors.Named(who), ErrorReason.Duplicate, null, Later));
    }

    private static Deal Active(string kind) => kind switch
    {
        "private" => new DealBuilder().Private().Build(),
        "inbound" => new DealBuilder().Inbound().BuildActive(),
        _ => new DealBuilder().BuildActive(),
    };
}
