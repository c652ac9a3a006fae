using System.Text;
using System.Text.RegularExpressions;

namespace ReferralPortal.Web.Tests.Localisation;

/// <summary>
/// Finds literal user-facing text in a Razor view: Razor comments, code blocks and expressions are removed,
/// C# statement lines dropped, then what is left between tags (and in title, placeholder, aria-label, alt,
/// data-label and validation-message attributes) must hold no letters. Words belong in the resources.
/// </summary>
internal static partial class ViewTextScanner
{
    // Proper nouns that read the same in every language.
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal) { "ReferralPortal" };

    public static IReadOnlyList<string> LiteralTexts(string razor)
    {
        var codeStrings = new List<string>();
        var markup = StripRazor(razor, codeStrings);
        markup = ScriptOrComment().Replace(markup, " ");
        var found = codeStrings.Where(c => SentenceLike().IsMatch(c)).Select(c => $"\"{c}\" in code").ToList();
        foreach (Match a in TextAttribute().Matches(markup))
        {
            if (HasWords(a.Groups["value"].Value))
            {
                found.Add($"{a.Groups["name"].Value}=\"{a.Groups["value"].Value}\"");
            }
        }

        foreach (var segment in Tag().Split(markup))
        {
            foreach (var line in segment.Split('\n'))
            {
                var text = line.Trim();
                if (text.Length > 0 && !CodeLine().IsMatch(text) && HasWords(text))
                {
                    found.Add(text);
                }
            }
        }

        return found;
    }

    private static bool HasWords(string text) =>
        Word().Matches(text).Any(w => !Allowed.Contains(w.Value));

    /// <summary>Removes @* comments *@, @{ blocks }, @( expressions ), @identifier.chains[...](...) and directives.</summary>
    private static string StripRazor(string razor, List<string> codeStrings)
    {
        var s = new StringBuilder(razor.Length);
        var i = 0;
        while (i < razor.Length)
        {
            var c = razor[i];
            if (c != '@' || i + 1 >= razor.Length)
            {
                s.Append(c);
                i++;
                continue;
            }

            var next = razor[i + 1];
            if (next == '*')
            {
                var end = razor.IndexOf("*@", i + 2, StringComparison.Ordinal);
                i = end < 0 ? razor.Length : end + 2;
            }
            else if (next is '{' or '(')
            {
                i = SkipBalanced(razor, i + 1, codeStrings);
            }
            else if (next == '@')
            {
                s.Append('@');
                i += 2;
            }
            else if (char.IsLetter(next) || next == '_')
            {
                i = SkipExpression(razor, i + 1, codeStrings);
            }
            else
            {
                s.Append(c);
                i++;
            }
        }

        return s.ToString();
    }

    private static int SkipExpression(string text, int i, List<string> codeStrings)
    {
        var start = i;
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
        {
            i++;
        }

        var word = text[start..i];
        if (word is "model" or "using" or "inject" or "addTagHelper" or "inherits" or "section" or "page" or "layout")
        {
            // Directives take the rest of the line (a section keeps its body, which is markup).
            var eol = text.IndexOf('\n', i);
            return word == "section" ? SkipToChar(text, i, '{') : eol < 0 ? text.Length : eol;
        }

        if (word is "if" or "foreach" or "for" or "while" or "switch" or "await")
        {
            // @if (...) / @foreach (...): the condition is code; @await: the awaited expression is.
            while (i < text.Length && text[i] == ' ')
            {
                i++;
            }

            if (word == "await")
            {
                return SkipExpression(text, i, codeStrings);
            }
        }

        while (i < text.Length)
        {
            if (text[i] is '(' or '[')
            {
                i = SkipBalanced(text, i, codeStrings);
            }
            else if (text[i] == '.' && i + 1 < text.Length && (char.IsLetter(text[i + 1]) || text[i + 1] == '_'))
            {
                i++;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }
            }
            else
            {
                break;
            }
        }

        return i;
    }

    private static int SkipToChar(string text, int i, char c)
    {
        var at = text.IndexOf(c, i);
        return at < 0 ? text.Length : at + 1;
    }

    /// <summary>From an opening bracket to just past its match, stepping over (and collecting) C# string literals.</summary>
    private static int SkipBalanced(string text, int i, List<string> codeStrings)
    {
        var depth = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"')
            {
                var start = ++i;
                while (i < text.Length && text[i] != '"')
                {
                    i += text[i] == '\\' ? 2 : 1;
                }

                // A resource key (T["..."]) or a ViewData/TempData name is not shown as it is.
                if (!KeyContext().IsMatch(text[Math.Max(0, start - 12)..start]))
                {
                    codeStrings.Add(text[start..Math.Min(i, text.Length)]);
                }
            }
            else if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                depth--;
                if (depth == 0)
                {
                    return i + 1;
                }
            }

            i++;
        }

        return text.Length;
    }

    // Text for people starts with a capital and a small letter and has several words or ends a sentence
    // ("Remove from favorites", "Done."); CSS classes, ids, names of sections or controllers and format strings do not.
    [GeneratedRegex(@"^\p{Lu}\p{Ll}.*(?:\s\p{L}|[.:!?…]$)")]
    private static partial Regex SentenceLike();

    [GeneratedRegex(@"(?:\bT|ViewData|TempData|RouteData\.Values)\[""$")]
    private static partial Regex KeyContext();

    [GeneratedRegex(@"<script\b.*?</script>|<style\b.*?</style>|<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex ScriptOrComment();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.Singleline)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s(?<name>title|placeholder|aria-label|alt|data-label|data-val-[a-z-]+)=""(?<value>[^""]*)""")]
    private static partial Regex TextAttribute();

    // C# left between tags inside Razor control blocks: statements, declarations, else branches and braces.
    [GeneratedRegex(@"^(?:[{}]|(?:else|if|foreach|for|while|switch|case|var|return|string|int|bool)\b.*|.*;\s*\}?$)")]
    private static partial Regex CodeLine();

    [GeneratedRegex(@"\p{L}[\p{L}\p{N}'’-]*")]
    private static partial Regex Word();
}
