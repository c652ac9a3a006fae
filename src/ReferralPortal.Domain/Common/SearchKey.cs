using System.Globalization;
using System.Text;

namespace ReferralPortal.Domain.Common;

/// <summary>
/// The one normalisation for matching and searching names, computed in the domain and stored beside the name
/// (<c>NormalisedName</c>), so every database provider compares the same accent- and case-free text with plain
/// equality or LIKE: "Lisboa Logística  SA" and "lisboa logistica sa" both give "LISBOA LOGISTICA SA".
/// </summary>
public static class SearchKey
{
    /// <summary>Accents removed, upper-cased (invariant), surrounding spaces trimmed and inner runs of white space (and control characters) folded to one space.</summary>
    public static string Of(string? text)
    {
        var decomposed = (text ?? string.Empty).Normalize(NormalizationForm.FormD);
        var key = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            // Control characters are no part of a name (and PostgreSQL text cannot hold NUL): each counts as a space.
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = key.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                key.Append(' ');
                pendingSpace = false;
            }

            key.Append(char.ToUpperInvariant(c));
        }

        return key.ToString().Normalize(NormalizationForm.FormC);
    }
}
