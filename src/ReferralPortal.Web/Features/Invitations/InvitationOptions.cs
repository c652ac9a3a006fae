namespace ReferralPortal.Web.Features.Invitations;

/// <summary>The <c>Invitations</c> configuration section.</summary>
public sealed class InvitationOptions
{
    public const string Section = "Invitations";

    /// <summary>Days an invitation link stays valid (<c>Invitations:ValidDays</c>).</summary>
    public int ValidDays { get; set; } = 7;

    public TimeSpan Validity => TimeSpan.FromDays(Math.Clamp(ValidDays, 1, 90));
}
