using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Domain.People;

namespace ReferralPortal.Domain.Tests.People;

public sealed class InvitationTests
{
    private static readonly DateTime Now = new(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc);

    private static Invitation New() =>
        new(1, OrganisationKind.Partner, " New.Person@Example.com ", PortalRole.ReferralUser, "hash-1", Now, TimeSpan.FromDays(7), "admin-1", "pt-PT");

    [Fact]
    public void A_new_invitation_is_pending_until_it_expires_and_keeps_the_address_in_lower_case()
    {
        var invitation = New();

        Assert.Equal("new.person@example.com", invitation.Email);
        Assert.Equal(InvitationState.Pending, invitation.StateAt(Now.AddDays(7).AddTicks(-1)));
        Assert.Equal(InvitationState.Expired, invitation.StateAt(Now.AddDays(7)));
    }

    [Fact]
    public void An_invitation_is_used_once()
    {
        var invitation = New();
        invitation.Accept("user-9", Now.AddHours(1));

        Assert.Equal(InvitationState.Accepted, invitation.StateAt(Now.AddHours(2)));
        Assert.Throws<DomainException>(() => invitation.Accept("user-10", Now.AddHours(2)));
        Assert.Throws<DomainException>(() => invitation.Renew("hash-2", Now.AddHours(2), TimeSpan.FromDays(7)));
    }

    [Fact]
    public void An_expired_or_revoked_invitation_cannot_be_accepted()
    {
        var expired = New();
        var revoked = New();
        revoked.Revoke(Now.AddHours(1));

        Assert.Throws<DomainException>(() => expired.Accept("user-9", Now.AddDays(8)));
        Assert.Throws<DomainException>(() => revoked.Accept("user-9", Now.AddHours(2)));
        Assert.Equal(InvitationState.Revoked, revoked.StateAt(Now.AddHours(2)));
    }

    [Fact]
    public void Resending_an_expired_invitation_gives_it_a_new_link_and_a_new_period()
    {
        var invitation = New();

        invitation.Renew("hash-2", Now.AddDays(10), TimeSpan.FromDays(7));

        Assert.Equal("hash-2", invitation.TokenHash);
        Assert.Equal(InvitationState.Pending, invitation.StateAt(Now.AddDays(16)));
    }

    [Fact]
    public void A_role_of_the_other_kind_of_organisation_is_refused()
    {
        Assert.Throws<DomainException>(() => new Invitation(1, OrganisationKind.Partner, "a@b.example", PortalRole.Reviewer, "h", Now, TimeSpan.FromDays(7), null, null));
    }
}
