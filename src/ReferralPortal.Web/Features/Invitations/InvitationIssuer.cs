using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReferralPortal.Data;
using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Notifications;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Domain.People;
using ReferralPortal.Web.Features.Notifications;
using ReferralPortal.Web.Features.Team;
using ReferralPortal.Web.Infrastructure;
using ReferralPortal.Web.Resources;

namespace ReferralPortal.Web.Features.Invitations;

/// <summary>An invitation just issued, with its one-time link (shown once, then only in the e-mail).</summary>
public sealed record IssuedInvitation(int Id, string Email, string Link);

/// <summary>
/// Issues, resends and revokes invitations: a new token per link (only its hash is stored), the e-mail queued in the
/// outbox in the inviter's language, an audit entry; the caller's <see cref="AuditTrail.SaveAsync"/> saves them together.
/// </summary>
public sealed class InvitationIssuer(ReferralsDbContext db, AuditTrail audit, TimeProvider clock, IOptions<InvitationOptions> options, IOptions<EmailOptions> email, LinkGenerator links)
{
    /// <summary>The refusal for an address that already has an account, wherever it is: it says nothing about where.</summary>
    public const string AddressTaken = "This email address already has an account, so it cannot be invited.";

    /// <summary>
    /// Invites <paramref name="address"/> to the organisation with the role. An address with an account anywhere is
    /// refused with <see cref="AddressTaken"/>; an earlier open invitation of the address to the same organisation
    /// is revoked, so only the newest link works.
    /// </summary>
    public async Task<IssuedInvitation> InviteAsync(Organisation organisation, string address, PortalRole role, Actor? inviter, string? culture, string baseUrl, CancellationToken ct)
    {
        var normalized = address.Trim().ToLowerInvariant();
        var upper = normalized.ToUpperInvariant();
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == upper, ct))
        {
            throw new DomainException(AddressTaken);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var earlier = await db.Invitations.IgnoreQueryFilters()
            .Where(i => i.OrganisationId == organisation.Id && i.Email == normalized && i.AcceptedAt == null && i.RevokedAt == null)
            .ToListAsync(ct);
        foreach (var old in earlier)
        {
            old.Revoke(now);
        }

        var token = InvitationTokens.New();
        var invitation = new Invitation(organisation.Id, organisation.Kind, normalized, role, InvitationTokens.Hash(token), now, options.Value.Validity, inviter?.UserId, LocalizationSetup.Canonical(culture));
        db.Invitations.Add(invitation);
        var link = links.InvitationUrl(baseUrl, token);
        db.EmailOutbox.Add(Email(invitation, organisation.Name, inviter?.DisplayName, link, now));
        audit.Record(organisation.Id, inviter, AuditAction.MemberInvited, normalized, role.ToString());

        // The id is needed for the page's "link shown once"; saving here keeps the e-mail, invitation and audit together.
        await audit.SaveAsync(ct);
        return new IssuedInvitation(invitation.Id, normalized, link);
    }

    /// <summary>A new link for an open invitation (the old one stops working) and the e-mail again.</summary>
    public async Task<IssuedInvitation> ResendAsync(Invitation invitation, Actor actor, string baseUrl, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var token = InvitationTokens.New();
        invitation.Renew(InvitationTokens.Hash(token), now, options.Value.Validity);
        var organisation = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == invitation.OrganisationId, ct);
        var link = links.InvitationUrl(baseUrl, token);
        db.EmailOutbox.Add(Email(invitation, organisation.Name, actor.DisplayName, link, now));
        audit.Record(invitation.OrganisationId, actor, AuditAction.InvitationResent, invitation.Email, invitation.Role.ToString());
        await audit.SaveAsync(ct);
        return new IssuedInvitation(invitation.Id, invitation.Email, link);
    }

    public async Task RevokeAsync(Invitation invitation, Actor actor, CancellationToken ct)
    {
        invitation.Revoke(clock.GetUtcNow().UtcDateTime);
        audit.Record(invitation.OrganisationId, actor, AuditAction.InvitationRevoked, invitation.Email, invitation.Role.ToString());
        await audit.SaveAsync(ct);
    }

    /// <summary>The portal's address for links: <c>Email:PortalUrl</c> when set, otherwise the address the request came to.</summary>
    public string BaseUrl(HttpRequest? request) =>
        !string.IsNullOrWhiteSpace(email.Value.PortalUrl) ? email.Value.PortalUrl
        : request is null ? string.Empty
        : $"{request.Scheme}://{request.Host}{request.PathBase}";

    private EmailMessage Email(Invitation invitation, string organisationName, string? inviterName, string link, DateTime now) =>
        LocalizationSetup.InCulture(invitation.Culture ?? LocalizationSetup.DefaultCulture, () =>
        {
            var role = Format.Role(invitation.Role);
            var subject = SharedResource.Text("Invitation to join {0} on ReferralPortal", organisationName);
            var body = SharedResource.Text("Hello,") + "\n\n"
                + (inviterName is null
                    ? SharedResource.Text("You are invited to join {0} as {1} on ReferralPortal.", organisationName, role)
                    : SharedResource.Text("{0} invited you to join {1} as {2} on ReferralPortal.", inviterName, organisationName, role)) + "\n\n"
                + SharedResource.Text("Accept the invitation: {0}", link) + "\n\n"
                + SharedResource.Text("The link works once and until {0}. If you did not expect this invitation, ignore this e-mail.", Format.Date(invitation.ExpiresAt)) + "\n\n— ReferralPortal";
            return new EmailMessage(invitation.Email, subject, body, now);
        });
}
