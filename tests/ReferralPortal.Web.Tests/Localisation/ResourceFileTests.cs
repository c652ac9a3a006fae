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

    private static HashSet<string> Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();

    // T["..."] in views, SharedResource.Text("...") in classes.
    [GeneratedRegex(@"(?:\bT\[|SharedResource\.Text\()""(?<key>(?:[^""\\]|\\.)*)""")]
    private static partial Regex KeyUse();
}
