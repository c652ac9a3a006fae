namespace ReferralPortal.Data;

/// <summary>
/// Which organisation's data a context may see. Set once on each rented context; the global query
/// filters read it, so tenant scoping lives here and not at every call site.
/// </summary>
public sealed record TenantScope(int OrganisationId, bool IsVendor, string UserId);
