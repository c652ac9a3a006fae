namespace ReferralPortal.Web.Tests.Localisation;

public sealed class ViewTextTests
{
    public static TheoryData<string> Views() =>
        [.. Directory.EnumerateFiles(Path.Combine(SourceTree.Web, "Features"), "*.cshtml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(SourceTree.Web, f))
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Views))]
    public void View_has_no_literal_user_facing_text_outside_the_resources(string view)
    {
        var texts = ViewTextScanner.LiteralTexts(File.ReadAllText(Path.Combine(SourceTree.Web, view)));

        Assert.Empty(texts);
    }

    [Fact]
    public void Scanner_finds_literal_text_in_markup()
    {
        var texts = ViewTextScanner.LiteralTexts("<p>Hello @Model.Name</p>");

        Assert.Equal(["Hello"], texts);
    }

    [Fact]
    public void Scanner_finds_literal_text_in_an_aria_label()
    {
        var texts = ViewTextScanner.LiteralTexts("<button aria-label=\"Close @Model.Name\">×</button>");

        Assert.Equal(["aria-label=\"Close \""], texts);
    }

    [Fact]
    public void Scanner_finds_a_sentence_in_a_razor_expression()
    {
        var texts = ViewTextScanner.LiteralTexts("<td>@(Model.Ok ? \"Registration eligible\" : T[\"Not eligible\"])</td>");

        Assert.Equal(["\"Registration eligible\" in code"], texts);
    }

    [Fact]
    public void Scanner_accepts_localized_text_code_and_symbols()
    {
        var razor = """
            @model string
            @* A comment with words *@
            @{ var x = "words in code"; }
            <h1 title="@T["Title"]">@T["Heading {0}", Model]</h1>
            @foreach (var i in new[] { 1, 2 })
            {
                var label = T["Item"];
                <span class="@(i > 1 ? "text-bg-info" : null)">@label · @(i > 1 ? "+" : "1") —</span>
            }
            """;

        Assert.Empty(ViewTextScanner.LiteralTexts(razor));
    }
}
