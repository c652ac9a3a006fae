using System.Text;

namespace ReferralPortal.Domain.Common;

/// <summary>
/// The one rule for "is this the same company" (channel conflicts, issue 19): the name's <see cref="SearchKey"/>
/// (case and accents ignored), with punctuation ignored ("S.A." is "SA", "Logistica, SA" is "Logistica SA") and the
/// legal-form words at its end dropped (SA, Lda, Ltd, GmbH, Inc, ...): "Lisboa Logística SA" and
/// "Lisboa Logistica, S.A." both give "LISBOA LOGISTICA". Stored beside the customer's name so the match is an
/// indexed equality on every provider.
/// </summary>
public static class CompanyKey
{
    public const int MaxLength = 200;

    // Legal forms as they are written once dots are gone; matched as whole trailing words only.
    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "SA", "LDA", "LTD", "LIMITED", "GMBH", "INC", "INCORPORATED", "LLC", "LLP", "PLC", "AG", "BV", "NV", "SL", "SLU",
        "SRL", "SAS", "SARL", "SPA", "CORP", "CORPORATION", "CO", "COMPANY", "KG", "AB", "AS", "OY", "PTY", "UNIPESSOAL", "SE",
    };

    public static string Of(string? name)
    {
        var key = SearchKey.Of(name);
        var text = new StringBuilder(key.Length);
        foreach (var c in key)
        {
            if (char.IsLetterOrDigit(c))
            {
                text.Append(c);
            }
            else if (c is not ('.' or '\'' or '’'))
            {
                // Dots and apostrophes join ("S.A." → "SA"); any other punctuation or space separates words.
                text.Append(' ');
            }
        }

        var words = text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 1 && LegalForms.Contains(words[^1]))
        {
            words.RemoveAt(words.Count - 1);
        }

        var result = string.Join(' ', words);
        return result.Length > MaxLength ? result[..MaxLength] : result;
    }
}
