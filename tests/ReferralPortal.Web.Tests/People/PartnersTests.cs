using System.Net;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Domain.People;
using ReferralPortal.Web.Features.Invitations;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests.People;

/// <summary>The programme admins' Partners page: the list, Onboard partner, and a partner's own page.</summary>
public sealed class PartnersTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private readonly PeopleWorld world = new(factory);

    [Fact]
    public async Task Onboard_partner_creates_the_organisation_and_invites_its_first_referral_admin()
    {
        using var programme = await factory.LoginAsync(DemoAccounts.ProgrammeAdmin);
        var email = PeopleWorld.NewEmail("tailspin");

        using var response = await Onboard(programme, "Tailspin Toys", "PT", email);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var partnerPage = response.Headers.Location!.OriginalString;
        var link = await PeopleWorld.ShownLinkAsync(programme, partnerPage);
        await using var db = factory.NewDbContext();
        var partner = await db.Organisations.SingleAsync(o => o.Name == "Tailspin Toys");
        Assert.Equal(($"/partners/{partner.Id}", OrganisationKind.Partner, "PT"), (partnerPage, partner.Kind, partner.Country));
        var invitation = await db.Invitations.IgnoreQueryFilters().SingleAsync(i => i.OrganisationId == partner.Id);
        Assert.Equal((email, PortalRole.ReferralAdmin), (invitation.Email, invitation.Role));
        Assert.Equal(InvitationTokens.Hash(PeopleWorld.TokenOf(link)), invitation.TokenHash);
        Assert.Equal([AuditAction.MemberInvited, AuditAction.OrganisationOnboarded],
            await db.AuditEntries.IgnoreQueryFilters().Where(a => a.OrganisationId == partner.Id).OrderByDescending(a => a.Id).Select(a => a.Action).ToListAsync());

        // Its admin accepts and manages the new partner's team.
        using var admin = factory.CreatePortalClient();
        using var accepted = await PeopleWorld.AcceptAsync(admin, link, "Tess Spinner");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("/team", await PeopleWorld.LandingAsync(admin, "/team"));
    }

    [Fact]
    public async Task Partners_page_lists_each_partner_with_country_active_users_deals_and_status()
    {
        using var programme = await factory.LoginAsync(DemoAccounts.ProgrammeAdmin);

        var page = await programme.GetPageAsync("/partners");

        var rows = page.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        var northwind = rows.Single(r => r[0] == DemoAccounts.Northwind);
        Assert.Equal("Portugal", northwind[1]);
        Assert.Equal("2", northwind[2]);
        Assert.True(int.Parse(northwind[3], System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal("Active", northwind[4]);
        Assert.DoesNotContain(rows, r => r[0] == "Contoso Cloud");
        Assert.Equal(["Organisation name", "Country", "Admin email"], page.QuerySelectorAll("form[action='/partners'] label").Select(l => l.TextContent.Trim()));
    }

    [Fact]
    public async Task Onboarding_refuses_a_name_in_use_and_an_address_with_an_account_and_changes_nothing()
    {
        using var programme = await factory.LoginAsync(DemoAccounts.ProgrammeAdmin);
        var before = await new Security.SecurityWorld(factory).FingerprintAsync();

        using var taken = await Onboard(programme, DemoAccounts.Fabrikam, "ES", PeopleWorld.NewEmail("dup"));
        using var address = await Onboard(programme, "Wide World Importers", "US", DemoAccounts.NorthwindSales);
        using var invalid = await Onboard(programme, "W", "XX", "not-an-address");

        Assert.Contains("An organisation with this name is already in the programme.", await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(InvitationIssuer.AddressTaken, await address.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(Security.Outcome.Invalid, await Security.Outcomes.ClassifyAsync(invalid));
        Security.SecurityWorld.Unchanged(before, await new Security.SecurityWorld(factory).FingerprintAsync(), "A refused onboarding");
    }

    [Fact]
    public async Task A_partners_page_shows_its_members_and_recent_changes_to_programme_admins()
    {
        using var programme = await factory.LoginAsync(DemoAccounts.ProgrammeAdmin);
        await using var db = factory.NewDbContext();
        var northwind = await db.Organisations.Where(o => o.Name == DemoAccounts.Northwind).Select(o => o.Id).SingleAsync();

        var page = await programme.GetPageAsync($"/partners/{northwind}");

        Assert.Contains(page.QuerySelectorAll("tbody td"), c => c.TextContent.Trim() == DemoAccounts.NorthwindSales);
        Assert.NotNull(page.QuerySelector("#changes-heading"));
        Assert.NotNull(page.QuerySelector($"form[action='/partners/{northwind}/suspend']"));
        Assert.Empty(page.QuerySelectorAll("form[action^='/team/']"));
    }

    private static Task<HttpResponseMessage> Onboard(PortalClient programme, string name, string country, string email) =>
        programme.PostFormAsync("/partners", "/partners", new Dictionary<string, string>
        {
            ["Onboard.OrganisationName"] = name,
            ["Onboard.Country"] = country,
            ["Onboard.AdminEmail"] = email,
        });
}
