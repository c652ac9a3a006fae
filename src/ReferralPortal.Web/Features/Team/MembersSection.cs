using ReferralPortal.Domain.Organisations;

namespace ReferralPortal.Web.Features.Team;

/// <summary>The members table: on the Team page with its actions, on a partner's page (programme admins) read-only.</summary>
public sealed record MembersSection(TeamView Team, IReadOnlyList<PortalRole> Roles, bool WithActions);
