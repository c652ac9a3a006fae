using Microsoft.Playwright;
using ReferralPortal.BrowserTests.Infrastructure;

namespace ReferralPortal.BrowserTests;

/// <summary>
/// A new programme from an empty Production database to a partner's sales rep, through the pages only (after the
/// bootstrap command), and the rep's open page signed out at its next request once their admin deactivates them.
/// The Team, Partners and invitation pages are checked with axe and photographed at a laptop and a phone size.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FirstStartTests(BrowserFixture browser, ProductionPortal portal) : IClassFixture<ProductionPortal>
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task From_an_empty_production_database_to_a_partner_rep_and_their_deactivation()
    {
        var programmeLink = await portal.InviteProgrammeAdminAsync("owner@vendor.example");
        Assert.StartsWith(portal.BaseUrl + "/invitations/", programmeLink, StringComparison.Ordinal);

        // The programme admin accepts and onboards a partner.
        var programme = await NewPageAsync();
        await AcceptAsync(programme, programmeLink, "Olivia Owner");
        await programme.GetByRole(AriaRole.Link, new() { Name = "Partners" }).ClickAsync();
        await programme.ToBeAtAsync("/partners$");
        await programme.GetByLabel("Organisation name").FillAsync("Tailspin Toys");
        await programme.GetByLabel("Country").SelectOptionAsync(new SelectOptionValue { Label = "Portugal" });
        await programme.GetByLabel("Admin email").FillAsync("admin@tailspin.example");
        await programme.GetByRole(AriaRole.Button, new() { Name = "Onboard partner" }).ClickAsync();
        await programme.ToBeAtAsync("/partners/\\d+$");
        var partnerLink = await programme.GetByLabel("Invitation link").InputValueAsync();
        await programme.GotoAsync("/partners");
        await Assertions.Expect(programme.GetByRole(AriaRole.Row, new() { Name = "Tailspin Toys" })).ToContainTextAsync("Active");
        await CheckAsync(programme, "partners");

        // The partner's admin accepts and invites a sales rep.
        var partnerAdmin = await NewPageAsync();
        await AcceptAsync(partnerAdmin, partnerLink, "Tomás Admin");
        await partnerAdmin.GetByRole(AriaRole.Link, new() { Name = "Team" }).ClickAsync();
        await partnerAdmin.ToBeAtAsync("/team$");
        await partnerAdmin.GetByLabel("Email").FillAsync("rep@tailspin.example");
        await partnerAdmin.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Referral user" });
        await partnerAdmin.GetByRole(AriaRole.Button, new() { Name = "Invite member" }).ClickAsync();
        await partnerAdmin.ToBeAtAsync("/team$");
        var repLink = await partnerAdmin.GetByLabel("Invitation link").InputValueAsync();

        // The rep accepts and sees Outbound.
        var rep = await NewPageAsync();
        await rep.GotoAsync(repLink);
        await Assertions.Expect(rep.GetByRole(AriaRole.Heading, new() { Name = "Join Tailspin Toys" })).ToBeVisibleAsync();
        await Assertions.Expect(rep.GetByText("as Referral user")).ToBeVisibleAsync();
        await CheckAsync(rep, "invitation");
        await AcceptAsync(rep, null, "Rita Rep");
        await Assertions.Expect(rep.GetByRole(AriaRole.Link, new() { Name = "Outbound" })).ToHaveAttributeAsync("aria-current", "page");
        await Assertions.Expect(rep.GetByText("Rita Rep · Tailspin Toys")).ToBeVisibleAsync();

        // The admin deactivates the rep; the rep's open page is signed out at its next request.
        await partnerAdmin.ReloadAsync();
        var members = partnerAdmin.GetByRole(AriaRole.Table, new() { Name = "Members" });
        await Assertions.Expect(members.GetByRole(AriaRole.Row, new() { Name = "Rita Rep" })).ToContainTextAsync("Active");
        await CheckAsync(partnerAdmin, "team");
        await partnerAdmin.GetByRole(AriaRole.Button, new() { Name = "Deactivate Rita Rep" }).ClickAsync();
        await partnerAdmin.ToBeAtAsync("/team$");
        await Assertions.Expect(members.GetByRole(AriaRole.Row, new() { Name = "Rita Rep" })).ToContainTextAsync("Deactivated");

        await rep.GetByRole(AriaRole.Link, new() { Name = "Inbound" }).ClickAsync();
        await rep.ToBeAtAsync("/account/login");
        await Assertions.Expect(rep.GetByRole(AriaRole.Button, new() { Name = "Log in" })).ToBeVisibleAsync();
    }

    private async Task<IPage> NewPageAsync()
    {
        Assert.SkipUnless(BrowserFixture.ChromiumAvailable, BrowserFixture.SkipMessage);
        var context = await browser.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = portal.BaseUrl,
            BypassCSP = true, // axe is injected into these pages
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        });
        return await context.NewPageAsync();
    }

    /// <summary>Opens the link (unless already there), fills the invitation form and accepts; the portal signs the person in.</summary>
    private static async Task AcceptAsync(IPage page, string? link, string name)
    {
        if (link is not null)
        {
            await page.GotoAsync(link);
        }

        await page.GetByLabel("Display name").FillAsync(name);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Confirm password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept invitation" }).ClickAsync();
        await page.ToLeaveAsync("/invitations/");
        await Assertions.Expect(page.GetByText($"{name} · ")).ToBeVisibleAsync();
    }

    /// <summary>axe finds nothing serious; pictures at 1366×768 and 390×844 for review (RP_SCREENSHOTS).</summary>
    private static async Task CheckAsync(IPage page, string name)
    {
        await Axe.AssertCleanAsync(page);
        await Screenshots.SnapAsync(page, $"{name}-1366x768");
        await page.SetViewportSizeAsync(390, 844);
        await Screenshots.SnapAsync(page, $"{name}-390x844");
        await Axe.AssertCleanAsync(page);
        await page.SetViewportSizeAsync(1366, 768);
    }
}
