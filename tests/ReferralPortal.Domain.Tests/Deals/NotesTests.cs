using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Tests.Builders;

namespace ReferralPortal.Domain.Tests.Deals;

/// <summary>Anyone who can see a deal adds notes; only the vendor keeps notes internal.</summary>
public sealed class NotesTests
{
    [Fact]
    public void Note_by_a_referral_user_is_added_to_the_thread_and_the_activity_log()
    {
        var deal = new DealBuilder().Build();

        deal.AddNote(Actors.PartnerUser(), "Customer asked for a demo", vendorInternal: false, DealBuilder.Later);

        Assert.Equal("Customer asked for a demo", Assert.Single(deal.NotesThread).Text);
        Assert.Equal(ActivityKind.NoteAdded, deal.Activities.Last().Kind);
    }

    [Fact]
    public void Note_by_the_vendor_can_be_kept_internal()
    {
        var deal = new DealBuilder().Build();

        var note = deal.AddNote(Actors.Reviewer(), "Check with the field team", vendorInternal: true, DealBuilder.Later);

        Assert.True(note.VendorInternal);
    }

    [Fact]
    public void Vendor_internal_note_leaves_the_last_updated_time_the_partner_sees()
    {
        var deal = new DealBuilder().Build();
        var before = deal.UpdatedAt;

        deal.AddNote(Actors.Reviewer(), "Check with the field team", vendorInternal: true, DealBuilder.Later);

        Assert.Equal(before, deal.UpdatedAt);
    }

    [Fact]
    public void Shared_note_moves_the_last_updated_time()
    {
        var deal = new DealBuilder().Build();

        deal.AddNote(Actors.Reviewer(), "Visible to the partner", vendorInternal: false, DealBuilder.Later);

        Assert.Equal(DealBuilder.Later, deal.UpdatedAt);
    }

    [Fact]
    public void Note_by_a_partner_asking_to_be_vendor_internal_is_not_internal()
    {
        var deal = new DealBuilder().Build();

        var note = deal.AddNote(Actors.PartnerAdmin(), "Visible to all", vendorInternal: true, DealBuilder.Later);

        Assert.False(note.VendorInternal);
    }

    [Fact]
    public void Note_by_the_vendor_on_a_private_deal_is_refused()
    {
        var deal = new DealBuilder().Private().Build();

        Assert.Throws<NotAllowedException>(() => deal.AddNote(Actors.Reviewer(), "Hello", vendorInternal: false, DealBuilder.Later));
    }

    [Fact]
    public void Note_by_another_partner_is_refused()
    {
        var deal = new DealBuilder().Build();

        Assert.Throws<NotAllowedException>(() => deal.AddNote(Actors.PartnerUser(Actors.PartnerB), "Hello", vendorInternal: false, DealBuilder.Later));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Blank_note_is_refused(string text)
    {
        var deal = new DealBuilder().Build();

        Assert.Throws<DomainException>(() => deal.AddNote(Actors.PartnerUser(), text, vendorInternal: false, DealBuilder.Later));
    }

    [Fact]
    public void Note_over_2000_characters_is_refused()
    {
        var deal = new DealBuilder().Build();

        Assert.Throws<DomainException>(() => deal.AddNote(Actors.PartnerUser(), new string('n', 2001), vendorInternal: false, DealBuilder.Later));
        Assert.Empty(deal.NotesThread);
    }
}
