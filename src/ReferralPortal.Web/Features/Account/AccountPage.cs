namespace ReferralPortal.Web.Features.Account;

public sealed class ProfileInput
{
    public string? DisplayName { get; set; }

    public string? Language { get; set; }
}

public sealed class ChangePasswordInput
{
    public string? CurrentPassword { get; set; }

    public string? NewPassword { get; set; }
}

public sealed class PasswordConfirmInput
{
    public string? Password { get; set; }
}

public sealed class CodeInput
{
    public string? Code { get; set; }
}

/// <summary>The Account page: profile, password, second factor, Sign out everywhere and recent security activity.</summary>
public sealed record AccountPage(
    string Email,
    bool TwoFactorEnabled,
    int RecoveryCodesLeft,
    IReadOnlyList<SecurityActivityRow> Activity,
    ProfileInput Profile,
    ChangePasswordInput Password,
    PasswordConfirmInput Disable);

/// <summary>The Set up authenticator app page: the key as a QR code (an SVG drawn on the server) and as text.</summary>
public sealed record AuthenticatorSetupPage(string SharedKey, string QrCodeSvg, bool Required, CodeInput Input);

/// <summary>Recovery codes, shown once after enrolment or renewal.</summary>
public sealed record RecoveryCodesPage(IReadOnlyList<string> Codes);

