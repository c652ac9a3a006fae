using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Tests.Builders;

namespace ReferralPortal.Domain.Tests.Deals;

/// <summary>SPEC 9 "Edit" and issue 14: the owner's admins and the deal team edit a non-terminal deal, one entry per changed field.</summary>
public sealed class EditingTests
{
    private static readonly DateTime Later = DealBuilder.Later;

    private static DealDetails Same => DealBuilder.Details(DealBuilder.Now);

    [Fact]
    public void Edit_by_the_owner_admin_changes_the_details()
    {
        var deal = new DealBuilder().BuildActive();

        deal.Edit(Actors.PartnerAdmin(), Same with { Name = "Renamed rollout", Value = 99m }, null, deal.Solutions, Later);

        Assert.Equal(("Renamed rollout", 99m), (deal.Name, deal.Value));
    }

    [Fact]
    public void Edit_logs_one_entry_per_changed_field_with_old_and_new_values()
    {
        var deal = new DealBuilder().BuildActive();
        var before = deal.Activities.Count;
        var newDate = DateOnly.FromDateTime(Later).AddDays(90);

        var changed = deal.Edit(Actors.PartnerAdmin(), Same with { Value = 130_000m, EstimatedCloseDate = newDate }, null, deal.Solutions, Later);

        var entries = deal.Activities.Skip(before).ToList();
        Assert.Equal(2, changed);
        Assert.Equal(
            [(DealField.Value, "125000.50 EUR", "130000.00 EUR"), (DealField.CloseDate, DealFieldValues.Date(DateOnly.FromDateTime(DealBuilder.Now).AddDays(60)), DealFieldValues.Date(newDate))],
            entries.Select(e => (e.Field!.Value, e.OldValue!, e.NewValue!)).ToList());
        Assert.All(entries, e => Assert.Equal(ActivityKind.Edited, e.Kind));
    }

    [Fact]
    public void Edit_that_changes_nothing_logs_nothing()
    {
        var deal = new DealBuilder().BuildActive();
        var before = deal.Activities.Count;

        Assert.Equal(0, deal.Edit(Actors.PartnerAdmin(), Same, null, deal.Solutions, Later));
        Assert.Equal(before, deal.Activities.Count);
    }

    [Fact]
    public void Edit_of_the_currency_is_part_of_the_value_entry()
    {
        var deal = new DealBuilder().BuildActive();

        deal.Edit(Actors.PartnerAdmin(), Same with { Currency = "USD" }, null, deal.Solutions, Later);

        var entry = deal.Activities.Last();
        Assert.Equal((DealField.Value, "125000.50 EUR", "125000.50 USD"), (entry.Field, entry.OldValue, entry.NewValue));
    }

    [Theory]
    [InlineData("owner-user")]
    [InlineData("other-admin")]
    [InlineData("reviewer")]
    public void Edit_by_anyone_but_the_owner_admins_and_the_team_is_refused(string who)
    {
        var deal = new DealBuilder().BuildActive();

        Assert.Throws<NotAllowedException>(() => deal.Edit(Actors.Named(who), Same with { Name = "Changed" }, null, deal.Solutions, Later));
        Assert.Equal("Retail analytics rollout", deal.Name);
    }

    [Fact]
    public void Edit_by_a_referral_user_on_the_team_is_allowed()
    {
        var deal = new DealBuilder().BuildActive();
        deal.AddTeamMember(Actors.PartnerAdmin(), DealTeamTests.Candidate(Actors.PartnerUser()), Later);

        deal.Edit(Actors.PartnerUser(), Same with { Name = "Changed by the team" }, null, deal.Solutions, Later);

        Assert.Equal("Changed by the team", deal.Name);
    }

    [Theory]
    [MemberData(nameof(DealBuilder.TerminalStatuses), MemberType = typeof(DealBuilder))]
    public void Edit_of_a_terminal_deal_is_refused(DealStatus status)
    {
        var deal = new DealBuilder().BuildIn(status);

        var error = Assert.Throws<NotAllowedException>(() => deal.Edit(Actors.PartnerAdmin(), Same with { Name = "Changed" }, null, deal.Solutions, DealBuilder.AfterDue));

        Assert.Equal("This deal is closed; only notes can be added.", error.Message);
    }

    [Fact]
    public void Edit_that_changes_the_deal_location_is_refused()
    {
        var deal = new DealBuilder().BuildActive();

        var error = Assert.Throws<DomainException>(() => deal.Edit(Actors.PartnerAdmin(), Same with { LocationCountry = "ES" }, null, deal.Solutions, Later));

        Assert.Equal("The deal location cannot change after creation.", error.Message);
    }

    [Fact]
    public void Edit_that_moves_the_close_date_into_the_past_is_refused()
    {
        var deal = new DealBuilder().BuildActive();
        var past = DateOnly.FromDateTime(Later).AddDays(-1);

        var error = Assert.Throws<DomainException>(() => deal.Edit(Actors.PartnerAdmin(), Same with { EstimatedCloseDate = past }, null, deal.Solutions, Later));

        Assert.Equal("Estimated close date must be today or later.", error.Message);
        Assert.NotEqual(past, deal.EstimatedCloseDate);
    }

    [Fact]
    public void Edit_of_the_contact_of_a_private_deal_is_logged()
    {
        var deal = new DealBuilder().Private().Build();

        deal.Edit(Actors.PartnerAdmin(), Same, new DealContact("Ana", "Silva", "ana@example.com", null, null), deal.Solutions, Later);

        Assert.Equal("ana@example.com", deal.Contact!.Email);
        Assert.Equal((DealField.Contact, string.Empty, "Ana Silva, ana@example.com"), (deal.Activities.Last().Field, deal.Activities.Last().OldValue, deal.Activities.Last().NewValue));
    }

    [Fact]
    public void Edit_of_the_contact_after_sharing_is_refused()
    {
        var deal = new DealBuilder().BuildActive();

        var error = Assert.Throws<DomainException>(() => deal.Edit(Actors.PartnerAdmin(), Same, new DealContact("Ana", null, null, null, null), deal.Solutions, Later));

        Assert.Equal("The customer contact cannot change once the deal is shared with the vendor.", error.Message);
        Assert.Null(deal.Contact);
    }

    [Fact]
    public void Edit_of_an_upgraded_deal_keeps_its_contact_locked()
    {
        var deal = new DealBuilder().Private().Build();
        deal.UpgradeToCoSell(Actors.PartnerAdmin(), Later, DealBuilder.Window);

        Assert.Throws<DomainException>(() => deal.Edit(Actors.PartnerAdmin(), Same, new DealContact("Ana", null, null, null, null), deal.Solutions, Later));
    }

    [Fact]
    public void Edit_that_removes_every_solution_of_an_outbound_deal_is_refused()
    {
        var deal = new DealBuilder().BuildActive();

        Assert.Throws<DomainException>(() => deal.Edit(Actors.PartnerAdmin(), Same, null, [], Later));
        Assert.NotEmpty(deal.Solutions);
    }

    [Fact]
    public void Edit_that_attaches_another_partners_solution_is_refused()
    {
        var deal = new DealBuilder().BuildActive();
        var theirs = DealBuilder.PublishedSolution(Actors.PartnerB, id: 7);

        Assert.Throws<DomainException>(() => deal.Edit(Actors.PartnerAdmin(), Same, null, [theirs], Later));
    }

    [Fact]
    public void Edit_with_placeholder_data_and_no_explanation_is_refused()
    {
        var deal = new DealBuilder().BuildActive();

        Assert.Throws<DomainException>(() => deal.Edit(Actors.PartnerAdmin(), Same with { ContainsPlaceholderData = true, Notes = null }, null, deal.Solutions, Later));
        Assert.False(deal.ContainsPlaceholderData);
    }
}
