using System.Text.RegularExpressions;

namespace ReferralPortal.Domain.Common;

/// <summary>
/// The one rule for an e-mail address the portal stores (a deal's contact, an invited member): one @ with something
/// before it, a dot inside the domain, and nothing mail systems refuse or that could split a header (white space,
/// control characters, angle brackets, quotes, commas, semicolons, brackets, backslashes).
/// </summary>
public static partial class EmailAddress
{
    public const int MaxLength = 254;

    public static bool IsWellFormed(string email)
    {
        var e = email.Trim();
        return e.Length <= MaxLength && Pattern().IsMatch(e) && !e.EndsWith('.')
            && !e.Any(c => char.IsControl(c) || c is '<' or '>' or '"' or ',' or ';' or '(' or ')' or '[' or ']' or '\\');
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant, 100)]
    private static partial Regex Pattern();
}
