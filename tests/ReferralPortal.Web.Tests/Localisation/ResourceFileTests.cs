using System.Text.RegularExpressions;

namespace ReferralPortal.Web.Tests.Localisation;

public sealed partial class ResourceFileTests
{
    [Fact]
    public void Resource_files_for_english_and_portuguese_have_the_same_keys()
    {
        var english = SourceTree.ReadResx(SourceTree.Resource()).Keys.ToHashSet(StringComparer.Ordinal);
        var portuguese = SourceTree.ReadResx(SourceTree.Resource("pt-PT")).Keys.ToHashSet(StringComparer.Ordinal);

        Assert.Empty(english.Except(portuguese).Order(StringComparer.Ordinal));
        Assert.Empty(portuguese.Except(english).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("pt-PT")]
    public void Resource_keys_differ_by_more_than_letter_case(string culture)
    {
        // The resource build drops the second of two names that differ only in case (warning MSB3568), so that
        // text silently stays English.
        var clashes = SourceTree.ReadResx(SourceTree.Resource(culture)).Keys
            .GroupBy(k => k, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => string.Join(" / ", g));

        Assert.Empty(clashes);
    }

    [Fact]
    public void Portuguese_resources_have_no_empty_values()
    {
        var empty = SourceTree.ReadResx(SourceTree.Resource("pt-PT")).Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => e.Key);

        Assert.Empty(empty);
    }

    [Fact]
    public void Resource_values_keep_the_placeholders_of_their_key()
    {
        var mismatched = SourceTree.ReadResx(SourceTree.Resource("pt-PT"))
            .Where(e => !Placeholders(e.Key).SetEquals(Placeholders(e.Value)))
            .Select(e => e.Key);

        Assert.Empty(mismatched);
    }

    [Fact]
    public void Every_literal_text_key_used_in_the_web_project_is_in_the_resources()
    {
        var keys = SourceTree.ReadResx(SourceTree.Resource()).Keys.ToHashSet(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(Path.Combine(SourceTree.Web, "Features"), "*.*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(SourceTree.Web, "Infrastructure"), "*.cs"))
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal));

        var unknown = files
            .SelectMany(f => KeyUse().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: Regex.Unescape(m.Groups["key"].Value))))
            .Where(u => !keys.Contains(u.Key))
            .Select(u => $"{u.File}: {u.Key}")
            .Distinct();

        Assert.Empty(unknown);
    }

    [Fact]
    public void Every_resource_key_is_used_somewhere_in_the_code_or_views()
    {
        // Used: as a string literal in the web project or the domain (T["..."], SharedResource.Text, WithMessage, a
        // domain template or a field name); as the shape of an interpolated literal ($"... {Max} ..."); as a country
        // name (Countries.All); or as the name of an enum member (statuses, stages and tabs are translated by name).
        var sources = new[] { SourceTree.Web, Path.Combine(SourceTree.Root, "src", "ReferralPortal.Domain") }
            .SelectMany(root => Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".js", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .ToList();
        var literals = sources.SelectMany(text => StringLiteral().Matches(text).Select(m => m.Groups["text"].Value))
            .Select(t => t.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal))
            .Concat(sources.SelectMany(text => KeyUse().Matches(text).Select(m => Regex.Unescape(m.Groups["key"].Value)))) // inside a quoted attribute
            .ToHashSet(StringComparer.Ordinal);
        var shapes = sources.SelectMany(text => Interpolated().Matches(text))
            .Select(m => HoleInLiteral().Split(m.Groups["text"].Value))
            .Where(parts => parts.Length > 1 && parts.Sum(p => p.Length) >= 12) // a sentence around its holes, not "{a} {b}"
            .Select(parts => new Regex("^" + string.Join(".+", parts.Select(Regex.Escape)) + "$"))
            .ToList();
        var enumNames = new[] { typeof(Domain.Deals.Deal).Assembly, typeof(Program).Assembly }
            .SelectMany(a => a.GetTypes()).Where(t => t.IsEnum).SelectMany(Enum.GetNames).ToHashSet(StringComparer.Ordinal);
        var countries = Domain.Common.Countries.All.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);

        var unused = SourceTree.ReadResx(SourceTree.Resource()).Keys
            .Where(k => !literals.Contains(k) && !countries.Contains(k) && !enumNames.Contains(k) && !shapes.Any(r => r.IsMatch(k)))
            .Order(StringComparer.Ordinal);

        Assert.Empty(unused);
    }

    private static HashSet<string> Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();

    // A regular or verbatim-free C# string literal (an interpolated one is read by Interpolated below).
    [GeneratedRegex(@"(?<![$@\w])""(?<text>(?:[^""\\\n]|\\.)*)""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\$""(?<text>(?:[^""\\\n]|\\.)*)""")]
    private static partial Regex Interpolated();

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex HoleInLiteral();

    // T["..."] in views, SharedResource.Text("...") in classes.
    [GeneratedRegex(@"(?:\bT\[|SharedResource\.Text\()""(?<key>(?:[^""\\]|\\.)*)""")]
    private static partial Regex KeyUse();
}
