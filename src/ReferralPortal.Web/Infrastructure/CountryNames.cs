using System.Collections.Concurrent;
using System.Globalization;
using ReferralPortal.Domain.Common;
using ReferralPortal.Web.Resources;

namespace ReferralPortal.Web.Infrastructure;

/// <summary>
/// Country names in the current UI culture: the domain's English name (<see cref="Countries"/>) is the resource key,
/// so each language's names live in its resource file. Codes stay what forms, filters and searches carry.
/// </summary>
public static class CountryNames
{
    // Names are read on every list row and the option list on every form: build them once per culture.
    private static readonly ConcurrentDictionary<string, InCulture> Cache = new(StringComparer.Ordinal);

    /// <summary>"DE" → "Germany" / "Alemanha"; an unknown code is shown as it is.</summary>
    public static string Of(string code) => Current.ByCode.TryGetValue(code, out var name) ? name : code;

    /// <summary>Every country, ordered by its name as the current culture sorts ("África do Sul" among the A's).</summary>
    public static IReadOnlyList<(string Code, string Name)> All => Current.Ordered;

    /// <summary>The current culture's order of names, for lists built from a subset of the countries.</summary>
    public static StringComparer Order => StringComparer.Create(CultureInfo.CurrentUICulture, ignoreCase: false);

    private static InCulture Current => Cache.GetOrAdd(CultureInfo.CurrentUICulture.Name, _ => Build());

    private static InCulture Build()
    {
        var byCode = Countries.All.ToDictionary(c => c.Code, c => SharedResource.Text(c.Name), StringComparer.Ordinal);
        return new InCulture(byCode, [.. byCode.Select(c => (c.Key, c.Value)).OrderBy(c => c.Value, Order).ThenBy(c => c.Key, StringComparer.Ordinal)]);
    }

    private sealed record InCulture(IReadOnlyDictionary<string, string> ByCode, IReadOnlyList<(string Code, string Name)> Ordered);
}
