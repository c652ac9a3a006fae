using System.Globalization;
using Microsoft.EntityFrameworkCore.Migrations;
using ReferralPortal.Domain.Common;

namespace ReferralPortal.Data;

/// <summary>
/// Brings stored <c>NormalisedName</c> columns in line with <see cref="SearchKey"/> in a migration, in SQL every
/// provider runs: upper-case the name, then replace each accented Latin letter by the letter the domain's key
/// gives for it (derived from <see cref="SearchKey"/> itself, so the two cannot disagree). Rows written later get
/// their key from the domain.
/// </summary>
public static class SearchKeyBackfill
{
    /// <summary>Sets <paramref name="table"/>.NormalisedName from its Name column.</summary>
    public static void Recompute(MigrationBuilder migration, string table)
    {
        var unicode = migration.ActiveProvider?.Contains("SqlServer", StringComparison.Ordinal) == true ? "N" : string.Empty;
        migration.Sql($"UPDATE {table} SET NormalisedName = UPPER(Name);");
        foreach (var (accented, plain) in Replacements())
        {
            migration.Sql($"UPDATE {table} SET NormalisedName = REPLACE(NormalisedName, {unicode}'{accented}', '{plain}') WHERE NormalisedName LIKE {unicode}'%{accented}%';");
        }
    }

    /// <summary>Every letter of Latin-1 and Latin Extended-A, in both cases, that the key turns into plain ASCII letters.</summary>
    public static IEnumerable<(string Accented, string Plain)> Replacements()
    {
        for (var c = '\u00C0'; c <= '\u017F'; c++)
        {
            var letter = c.ToString(CultureInfo.InvariantCulture);
            var key = SearchKey.Of(letter);
            if (char.IsLetter(c) && key != letter && key.Length > 0 && key.All(char.IsAsciiLetterUpper))
            {
                yield return (letter, key);
            }
        }
    }
}
