using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Drafts;
using ReferralPortal.Domain.Notifications;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Domain.People;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests.Security;

/// <summary>Anonymous or one of the six demo users, with what the sweeps need to know about them.</summary>
public sealed record Persona(string Name, string? Email, string? UserId, int? OrganisationId, bool IsVendor)
{
    public bool IsPartner => Email is not null && !IsVendor;

    public override string ToString() => Name;
}

/// <summary>The demo data seen from the sweeps: who is who, which ids belong to whom, and a fingerprint of the database.</summary>
public sealed class SecurityWorld(PortalFactory factory)
{
    public static readonly string[] Emails =
    [
        DemoAccounts.NorthwindAdmin, DemoAccounts.NorthwindSales, DemoAccounts.FabrikamAdmin,
        DemoAccounts.AdventureWorksAdmin, DemoAccounts.Reviewer, DemoAccounts.ProgrammeAdmin,
    ];

    public PortalFactory Factory => factory;

    /// <summary>Anonymous first, then the six demo users in <see cref="Emails"/> order.</summary>
    public async Task<IReadOnlyList<Persona>> PersonasAsync()
    {
        _ = factory.Server; // the app migrates and seeds on start
        await using var db = factory.NewDbContext();
        var users = await db.Users.AsNoTracking()
            .Select(u => new { u.Email, u.Id, u.OrganisationId, Kind = u.Organisation!.Kind })
            .ToListAsync();
        var personas = new List<Persona> { new("anonymous", null, null, null, false) };
        foreach (var email in Emails)
        {
            var u = users.Single(x => x.Email == email);
            personas.Add(new Persona(email.Split('.')[0], email, u.Id, u.OrganisationId, u.Kind == OrganisationKind.Vendor));
        }

        return personas;
    }

    public async Task<int> OrganisationIdAsync(string name)
    {
        await using var db = factory.NewDbContext();
        return await db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

    /// <summary>An active, outbound co-sell deal of the organisation awaiting registration (falls back to any of its deals).</summary>
    public async Task<int?> ActiveCoSellDealAsync(int organisationId)
    {
        await using var db = factory.NewDbContext();
        var deals = db.Deals.IgnoreQueryFilters().AsNoTracking().Where(d => d.OwnerOrganisationId == organisationId).OrderBy(d => d.Id);
        return await deals.Where(d => d.Status == DealStatus.Active && d.DealType == DealType.CoSell && d.Direction == DealDirection.Outbound
                && d.RegistrationStatus == RegistrationStatus.NotRegistered)
                .Select(d => (int?)d.Id).FirstOrDefaultAsync()
            ?? await deals.Select(d => (int?)d.Id).FirstOrDefaultAsync();
    }

    public async Task<int> FirstSolutionAsync(int organisationId, string? name = null)
    {
        await using var db = factory.NewDbContext();
        return await db.Solutions.IgnoreQueryFilters()
            .Where(s => s.OrganisationId == organisationId && (name == null || s.Name == name))
            .OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
    }

    /// <summary>A new, empty wizard draft of the user (nothing seeded has one).</summary>
    public async Task<Guid> NewDraftAsync(Persona owner)
    {
        await using var db = factory.NewDbContext();
        var draft = new DealDraft(owner.UserId!, owner.OrganisationId!.Value, factory.Clock.GetUtcNow().UtcDateTime);
        db.DealDrafts.Add(draft);
        await db.SaveChangesAsync();
        return draft.Id;
    }

    /// <summary>A new unread notification of the user (the seed writes none).</summary>
    public async Task<long> NewNotificationAsync(Persona owner, int? dealId)
    {
        await using var db = factory.NewDbContext();
        var notification = new Notification(owner.UserId!, owner.OrganisationId!.Value, NotificationKind.DealDecision, dealId, NotificationMessage.Accepted, new NotificationArguments("R-000000", "Security sweep notification"), factory.Clock.GetUtcNow().UtcDateTime);
        db.Notifications.Add(notification);
        await db.SaveChangesAsync();
        return notification.Id;
    }

    /// <summary>A new open invitation to the organisation (the seed writes none), with its link's token.</summary>
    public async Task<(int Id, string Token)> NewInvitationAsync(int organisationId, PortalRole role)
    {
        await using var db = factory.NewDbContext();
        var kind = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Kind).SingleAsync();
        var token = Web.Features.Invitations.InvitationTokens.New();
        var invitation = new Invitation(organisationId, kind, $"invited-{Guid.NewGuid():N}@sweep.example", role, Web.Features.Invitations.InvitationTokens.Hash(token),
            factory.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromDays(7), null, null);
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync();
        return (invitation.Id, token);
    }

    /// <summary>A new active member of the organisation, for routes that change a member (the demo users stay as they are).</summary>
    public async Task<string> NewMemberAsync(int organisationId, PortalRole role)
    {
        await using var db = factory.NewDbContext();
        var email = $"member-{Guid.NewGuid():N}@sweep.example";
        var user = new PortalUser
        {
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            DisplayName = "Sweep Member",
            OrganisationId = organisationId,
            Role = role,
            SecurityStamp = Guid.NewGuid().ToString(),
        };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }

    /// <summary>A new partner organisation with no people, for routes that suspend or reactivate a partner.</summary>
    public async Task<int> NewPartnerAsync()
    {
        await using var db = factory.NewDbContext();
        var partner = new Organisation($"Sweep Partner {Guid.NewGuid():N}"[..30], OrganisationKind.Partner, "PT");
        db.Organisations.Add(partner);
        await db.SaveChangesAsync();
        return partner.Id;
    }

    /// <summary>
    /// Row counts of every domain table plus the change markers of the rows a sweep aims at (deal Version and
    /// UpdatedAt, draft Version, notification ReadAt, solution fields, favourites, members' role, state and security
    /// stamp, organisations' suspension, invitations' link and state): equal fingerprints mean nothing changed.
    /// </summary>
    public async Task<IReadOnlyList<string>> FingerprintAsync()
    {
        await using var db = factory.NewDbContext();
        var lines = new List<string>
        {
            Count("Organisations", await db.Organisations.IgnoreQueryFilters().CountAsync()),
            Count("Customers", await db.Customers.IgnoreQueryFilters().CountAsync()),
            Count("Deals", await db.Deals.IgnoreQueryFilters().CountAsync()),
            Count("DealActivities", await db.DealActivities.IgnoreQueryFilters().CountAsync()),
            Count("DealNotes", await db.DealNotes.IgnoreQueryFilters().CountAsync()),
            Count("DealFavourites", await db.DealFavourites.IgnoreQueryFilters().CountAsync()),
            Count("DealDrafts", await db.DealDrafts.IgnoreQueryFilters().CountAsync()),
            Count("Notifications", await db.Notifications.IgnoreQueryFilters().CountAsync()),
            Count("EmailOutbox", await db.EmailOutbox.CountAsync()),
            Count("Solutions", await db.Solutions.IgnoreQueryFilters().CountAsync()),
            Count("Users", await db.Users.CountAsync()),
            Count("Invitations", await db.Invitations.IgnoreQueryFilters().CountAsync()),
            // Sign-ins are recorded as personal security events; the sweep's own sign-ins are not a change.
            Count("AuditEntries", await db.AuditEntries.IgnoreQueryFilters().CountAsync(a => !Domain.People.PersonalSecurityEvents.All.Contains(a.Action))),
        };
        lines.AddRange(await db.Users.OrderBy(u => u.Id)
            .Select(u => "User " + u.Id + " " + u.Role + " " + u.DeactivatedAt + " " + u.SecurityStamp + " " + u.OrganisationId).ToListAsync());
        lines.AddRange(await db.Organisations.OrderBy(o => o.Id).Select(o => "Organisation " + o.Id + " " + o.Name + " " + o.SuspendedAt).ToListAsync());
        lines.AddRange(await db.Invitations.IgnoreQueryFilters().OrderBy(i => i.Id)
            .Select(i => "Invitation " + i.Id + " " + i.TokenHash + " " + i.ExpiresAt + " " + i.AcceptedAt + " " + i.RevokedAt).ToListAsync());
        lines.AddRange(await db.Deals.IgnoreQueryFilters().OrderBy(d => d.Id)
            .Select(d => "Deal " + d.Id + " v" + d.Version + " " + d.Status + " " + d.UpdatedAt).ToListAsync());
        lines.AddRange(await db.DealDrafts.IgnoreQueryFilters().OrderBy(d => d.Id)
            .Select(d => "Draft " + d.Id + " v" + d.Version + " step" + d.CompletedStep + " " + d.CreatedDealId).ToListAsync());
        lines.AddRange((await db.Notifications.IgnoreQueryFilters().OrderBy(n => n.Id).Select(n => new { n.Id, n.ReadAt }).ToListAsync())
            .Select(n => $"Notification {n.Id} read {n.ReadAt?.ToString("O", CultureInfo.InvariantCulture)}"));
        lines.AddRange(await db.Solutions.IgnoreQueryFilters().OrderBy(s => s.Id)
            .Select(s => "Solution " + s.Id + " " + s.Name + " " + s.Description + " " + s.MarketplaceStatus + " " + s.CoSellStatus + " " + s.RegistrationEligible).ToListAsync());
        lines.AddRange(await db.DealFavourites.IgnoreQueryFilters().OrderBy(f => f.UserId).ThenBy(f => f.DealId)
            .Select(f => "Favourite " + f.UserId + " " + f.DealId).ToListAsync());
        return lines;
    }

    /// <summary>Asserts two fingerprints are equal, naming the first lines that differ.</summary>
    public static void Unchanged(IReadOnlyList<string> before, IReadOnlyList<string> after, string what)
    {
        if (before.SequenceEqual(after))
        {
            return;
        }

        var gone = before.Except(after).Take(5);
        var added = after.Except(before).Take(5);
        Assert.Fail($"{what} changed the database.\nBefore: {string.Join(" | ", gone)}\nAfter: {string.Join(" | ", added)}");
    }

    /// <summary>The anti-forgery token of the client's session, read from a page it may open.</summary>
    public static async Task<string> TokenAsync(PortalClient client, bool signedIn)
    {
        var page = await client.GetPageAsync(signedIn ? "/notifications" : "/account/login");
        return page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("The page has no anti-forgery token.");
    }

    private static string Count(string table, int count) => $"{table}: {count}";
}
