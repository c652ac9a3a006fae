using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Tests.Builders;

namespace ReferralPortal.Domain.Tests.Deals;

/// <summary>SPEC 3 "Editing": the owner's admin edits name, value, close date, notes and solutions of a non-terminal deal.</summary>
public sealed class EditingTests
{
    private static readonly DateTime Later = DealBuilder.Later;

    [Fact]
    public void Edit_by_the_owner_admin_changes_the_details_and_logs_an_entry()
    {
        var deal = new DealBuilder().BuildActive();
        var details = DealBuilder.Details(DealBuilder.Now) with { Name = "Renamed rollout", Value = 99m };

        deal.Edit(Actors.PartnerAdmin(), details, deal.Solutions, Later);

        Assert.Equal(("Renamed rollout", 99m), (deal.Name, deal.Value));
        Assert.Equal(ActivityKind.Edited, deal.Activities.Last().Kind);
    }

    [Theory]
    [InlineData("owner-user")]
    [InlineData("other-admin")]
    [InlineData("reviewer")]
    public void Edit_by_anyone_but_the_owner_admin_is_refused(string who)
    {
        var deal = new DealBuilder().BuildActive();

        Assert.Throws<NotAllowedException>(() => deal.Edit(Actors.Named(who), DealBuilder.Details(DealBuilder.Now) with { Name = "Changed" }, deal.Solutions, Later));
        Assert.Equal("Retail analytics rollout", deal.Name);
    }

    [Fact]
    public void Edit_that_changes_the_deal_location_is_refused()
    {
        var deal = new DealBuilder().BuildActive();

        var error = Assert.Throws<DomainException>(() => deal.Edit(Actors.PartnerAdmin(), DealBuilder.Details(DealBuilder.Now) with { LocationCountry = "ES" }, deal.Solutions, Later));

        Assert.Equal("The deal location cannot change after creation.", error.Message);
    }

    [Fact]
    public void Edit_that_moves_the_close_date_into_the_past_is_refused()
    {
        var deal = new DealBuilder().BuildActive();
        var past = DateOnly.FromDateTime(Later).AddDays(-1);

        Assert.Throws<DomainException>(() => deal.Edit(Actors.PartnerAdmin(), DealBuilder.Details(DealBuilder.Now) with { EstimatedCloseDate = past }, deal.Solutions, Later));
    }

    [Fact]
    public void Edit_that_removes_every_solution_of_an_outbound_deal_is_refused()
    {
        var deal = new DealBuilder().BuildActive();

        Assert.Throws<DomainException>(() => deal.Edit(Actors.PartnerAdmin(), DealBuilder.Details(DealBuilder.Now), [], Later));
        Assert.NotEmpty(deal.Solutions);
    }
}
