namespace ReferralPortal.Data;

/// <summary>
/// Which organisation's data a context may see. Set once on each rented context; the global query
/// filters read it, so tenant scoping lives here and not at every call site. <paramref name="TeamOnly"/>: a referral
/// user of an organisation that limits its referral users to their deal teams sees only those deals.
/// </summary>
public sealed record TenantScope(int OrganisationId, bool IsVendor, string UserId, bool TeamOnly = false);
