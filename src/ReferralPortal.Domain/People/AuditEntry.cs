namespace ReferralPortal.Domain.People;

/// <summary>The changes to people and organisations that the audit list records (SPEC 8).</summary>
public enum AuditAction
{
    OrganisationOnboarded,
    OrganisationSuspended,
    OrganisationReactivated,
    MemberInvited,
    MemberJoined,
    RoleChanged,
    MemberDeactivated,
    MemberReactivated,
    InvitationResent,
    InvitationRevoked,

    // A person's own sign-in security (issue 13): listed on their Account page, not on the Team page.
    SignedIn,
    SignInFailed,
    LockedOut,
    SignedOut,
    SignedOutEverywhere,
    PasswordChanged,
    PasswordResetRequested,
    PasswordReset,
    TwoFactorEnabled,
    TwoFactorUsed,
    TwoFactorFailed,
    TwoFactorDisabled,
    RecoveryCodeUsed,
    RecoveryCodesRenewed,
}

/// <summary>Which audit actions are about a person's own sign-in security rather than a change to the organisation.</summary>
public static class PersonalSecurityEvents
{
    public static readonly AuditAction[] All =
    [
        AuditAction.SignedIn, AuditAction.SignInFailed, AuditAction.LockedOut, AuditAction.SignedOut, AuditAction.SignedOutEverywhere,
        AuditAction.PasswordChanged, AuditAction.PasswordResetRequested, AuditAction.PasswordReset,
        AuditAction.TwoFactorEnabled, AuditAction.TwoFactorUsed, AuditAction.TwoFactorFailed, AuditAction.TwoFactorDisabled,
        AuditAction.RecoveryCodeUsed, AuditAction.RecoveryCodesRenewed,
    ];
}

/// <summary>One change to an organisation or its people: who did what to whom, and when. Append-only.</summary>
public class AuditEntry
{
    private AuditEntry()
    {
        ActorName = string.Empty;
        Subject = string.Empty;
    }

    /// <param name="actorUserId">Null when the system did it (the bootstrap command).</param>
    /// <param name="subject">What the change was about: an e-mail address or an organisation name.</param>
    /// <param name="detail">The role, or "from → to" for a role change, when it matters.</param>
    public AuditEntry(int organisationId, DateTime at, string? actorUserId, string actorName, AuditAction action, string subject, string? detail)
    {
        OrganisationId = organisationId;
        At = at;
        ActorUserId = actorUserId;
        ActorName = actorName;
        Action = action;
        Subject = subject;
        Detail = detail;
    }

    public long Id { get; private set; }

    public int OrganisationId { get; private set; }

    public DateTime At { get; private set; }

    public string? ActorUserId { get; private set; }

    public string ActorName { get; private set; }

    public AuditAction Action { get; private set; }

    public string Subject { get; private set; }

    public string? Detail { get; private set; }
}
