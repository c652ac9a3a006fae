using System.Collections.Frozen;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using ReferralPortal.Data;
using ReferralPortal.Web.Resources;

namespace ReferralPortal.Web.Features.Account;

/// <summary>
/// The portal's password policy (ASVS 5.0 6.2), the one validator behind invitations, change and reset: at least
/// 8 characters, up to 128 (any Unicode character, spaces included, no composition rules), not among the common
/// and breached passwords shipped with the app, and not containing the e-mail's local part or the display name.
/// Each error says which rule failed. It judges a password being set, never one typed at sign-in.
/// </summary>
public sealed class PortalPasswordValidator : IPasswordValidator<PortalUser>
{
    public const int MinimumLength = 8;
    public const int MaximumLength = 128;

    // Parts of the e-mail or name shorter than this are too common in any text to refuse ("al", "jo").
    private const int ShortestPersonalPart = 3;

    private static readonly Lazy<FrozenSet<string>> Common = new(LoadCommon);

    /// <summary>How many passwords the shipped list holds (README: source and licence).</summary>
    public static int CommonCount => Common.Value.Count;

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password) =>
        Task.FromResult(Judge(user.Email, user.DisplayName, password) is { } error ? IdentityResult.Failed(error) : IdentityResult.Success);

    /// <summary>The first rule the password breaks, or null when it is acceptable.</summary>
    public static IdentityError? Judge(string? email, string? displayName, string? password)
    {
        // Length in characters as people count them (an emoji is one), not UTF-16 units.
        var length = password is null ? 0 : new StringInfo(password).LengthInTextElements;
        if (length < MinimumLength)
        {
            return Error("PasswordTooShort", "Use a password of at least 8 characters.");
        }

        if (length > MaximumLength)
        {
            return Error("PasswordTooLong", "Use a password of at most 128 characters.");
        }

        var folded = password!.ToLowerInvariant();
        if (Common.Value.Contains(folded) || Common.Value.Contains(folded.Trim()))
        {
            return Error("PasswordCommon", "This password is on a list of common or breached passwords. Choose another one.");
        }

        var local = email?.Split('@')[0];
        if (local is { Length: >= ShortestPersonalPart } && folded.Contains(local.ToLowerInvariant(), StringComparison.Ordinal))
        {
            return Error("PasswordContainsEmail", "The password must not contain your e-mail address.");
        }

        var name = displayName?.Trim();
        if (name is { Length: >= ShortestPersonalPart } && folded.Contains(name.ToLowerInvariant(), StringComparison.Ordinal))
        {
            return Error("PasswordContainsName", "The password must not contain your name.");
        }

        return null;
    }

    private static IdentityError Error(string code, string english) => new() { Code = code, Description = SharedResource.Text(english) };

    private static FrozenSet<string> LoadCommon()
    {
        using var stream = typeof(PortalPasswordValidator).Assembly.GetManifestResourceStream("common-passwords.txt")
            ?? throw new InvalidOperationException("The common-passwords list is not embedded.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            // Shorter ones are refused by the length rule anyway.
            if (line.Length >= MinimumLength)
            {
                set.Add(line.ToLowerInvariant());
            }
        }

        return set.ToFrozenSet(StringComparer.Ordinal);
    }
}
