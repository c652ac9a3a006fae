namespace ReferralPortal.Domain.Common;

/// <summary>
/// The rule for single-line fields (names, titles, company and contact names): no control characters (line
/// breaks, tabs, NUL), no Unicode line or paragraph separators and no bidirectional embedding, override,
/// isolate or mark characters. Line breaks copied into e-mails let a writer add fake paragraphs; direction
/// overrides make a name display as something else.
/// </summary>
public static class SingleLineText
{
    /// <summary>True when <paramref name="value"/> (null counts as empty) holds none of the refused characters.</summary>
    public static bool IsValid(string? value)
    {
        foreach (var c in value ?? string.Empty)
        {
            if (char.IsControl(c) || IsLineSeparator(c) || IsDirectionControl(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLineSeparator(char c) => c is '\u2028' or '\u2029';

    // LRE, RLE, PDF, LRO, RLO; LRI, RLI, FSI, PDI; LRM, RLM and the Arabic letter mark.
    private static bool IsDirectionControl(char c) =>
        c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';
}
