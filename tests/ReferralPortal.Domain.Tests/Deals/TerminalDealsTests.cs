using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Tests.Builders;

namespace ReferralPortal.Domain.Tests.Deals;

/// <summary>SPEC 3: nothing changes a terminal deal except adding notes.</summary>
public sealed class TerminalDealsTests
{
    private static readonly DateTime Later = DealBuilder.Now.AddDays(2);

    [Theory]
    [MemberData(nameof(DealBuilder.TerminalStatuses), MemberType = typeof(DealBuilder))]
    public void Terminal_deal_allows_the_owner_admin_only_to_add_notes(DealStatus status)
    {
        var deal = new DealBuilder().BuildIn(status);

        Assert.Equal([DealAction.AddNote], deal.AllowedActions(Actors.PartnerAdmin(), Later));
    }

    [Theory]
    [InlineData(DealStatus.Won)]
    [InlineData(DealStatus.Declined)]
    [InlineData(DealStatus.Expired)]
    public void Terminal_deal_allows_the_vendor_only_to_add_notes(DealStatus status)
    {
        var deal = new DealBuilder().BuildIn(status);

        Assert.Equal([DealAction.AddNote], deal.AllowedActions(Actors.Reviewer(), Later));
    }

    [Theory]
    [InlineData(DealStatus.Won)]
    [InlineData(DealStatus.Lost)]
    [InlineData(DealStatus.ClosedAsError)]
    public void Close_as_error_of_a_terminal_deal_is_refused(DealStatus status)
    {
        var deal = new DealBuilder().BuildIn(status);

        var error = Assert.Throws<NotAllowedException>(() => deal.CloseAsError(Actors.PartnerAdmin(), ErrorReason.Duplicate, null, Later));

        Assert.Equal("This deal is closed; only notes can be added.", error.Message);
        Assert.Equal(status, deal.Status);
    }

    [Fact]
    public void Mark_won_of_a_lost_deal_is_refused()
    {
        var deal = new DealBuilder().BuildIn(DealStatus.Lost);

        Assert.Throws<NotAllowedException>(() => deal.MarkWon(Actors.PartnerAdmin(), Later));
        Assert.Equal(DealStatus.Lost, deal.Status);
    }

    [Fact]
    public void Edit_of_a_won_deal_is_refused()
    {
        var deal = new DealBuilder().BuildIn(DealStatus.Won);

        Assert.Throws<NotAllowedException>(() => deal.Edit(Actors.PartnerAdmin(), DealBuilder.Details(Later), null, deal.Solutions, Later));
    }

    [Fact]
    public void Approving_a_submitted_registration_after_the_deal_is_won_is_refused()
    {
        var deal = new DealBuilder().BuildWithSubmittedRegistration();
        deal.MarkWon(Actors.PartnerAdmin(), Later);

        Assert.Throws<NotAllowedException>(() => deal.ApproveRegistration(Actors.Reviewer(), Later));
        Assert.Equal(RegistrationStatus.Submitted, deal.RegistrationStatus);
    }

    [Theory]
    [InlineData("owner-admin")]
    [InlineData("owner-user")]
    [InlineData("reviewer")]
    public void Adding_a_note_to_a_terminal_deal_is_allowed(string who)
    {
        var deal = new DealBuilder().BuildIn(DealStatus.Won);

        var note = deal.AddNote(Actors.Named(who), "Kick-off on Monday", vendorInternal: false, Later);

        Assert.Contains(note, deal.NotesThread);
    }
}
