namespace ReferralPortal.Web.Features.Account;

/// <summary>Sign-in security settings (section <c>Security</c>).</summary>
public sealed class SigninOptions
{
    public const string Section = "Security";

    /// <summary>A session unused this long ends (sliding): ASVS 7.3.1.</summary>
    public int IdleTimeoutMinutes { get; set; } = 30;

    /// <summary>A session ends this long after sign-in, however busy: ASVS 7.3.2.</summary>
    public int SessionHours { get; set; } = 12;

    /// <summary>Admins must enrol an authenticator app before doing anything else. Default: true outside Development.</summary>
    public bool? RequireTwoFactorForAdmins { get; set; }

    /// <summary>Failed sign-ins from one client address (any accounts) before that address is refused for a while.</summary>
    public int AddressFailuresBeforeBlock { get; set; } = 20;

    /// <summary>Failed sign-ins of one account from one address before that pair is refused for a while.</summary>
    public int AccountAddressFailuresBeforeBlock { get; set; } = 5;

    /// <summary>Failed sign-ins of one account from all addresses before Identity's account lockout (distributed guessing).</summary>
    public int AccountFailuresBeforeLockout { get; set; } = 50;

    public TimeSpan IdleTimeout => TimeSpan.FromMinutes(IdleTimeoutMinutes);

    public TimeSpan Lifetime => TimeSpan.FromHours(SessionHours);
}
