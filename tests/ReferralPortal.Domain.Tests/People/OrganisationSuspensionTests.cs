using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Domain.Tests.Builders;

namespace ReferralPortal.Domain.Tests.People;

public sealed class OrganisationSuspensionTests
{
    private static readonly DateTime Now = new(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Programme_admin_suspends_and_reactivates_a_partner()
    {
        var partner = Organisation.Onboard(Actors.ProgrammeAdmin(), "Tailspin Toys", "PT");

        partner.Suspend(Actors.ProgrammeAdmin(), Now);
        Assert.True(partner.IsSuspended);

        partner.Reactivate(Actors.ProgrammeAdmin());
        Assert.False(partner.IsSuspended);
    }

    [Theory]
    [InlineData("owner-admin")]
    [InlineData("reviewer")]
    public void Only_programme_admins_onboard_or_suspend(string who)
    {
        var partner = new Organisation("Tailspin Toys", OrganisationKind.Partner, "PT");

        Assert.Throws<NotAllowedException>(() => Organisation.Onboard(Actors.Named(who), "Another", "PT"));
        Assert.Throws<NotAllowedException>(() => partner.Suspend(Actors.Named(who), Now));
    }

    [Fact]
    public void The_vendor_cannot_be_suspended()
    {
        var vendor = new Organisation("Contoso Cloud", OrganisationKind.Vendor, "US");

        Assert.Equal("Only partner organisations can be suspended.", vendor.WhyNotSuspend(Actors.ProgrammeAdmin(), true));
    }
}
