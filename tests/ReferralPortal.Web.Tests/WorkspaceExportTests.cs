using System.Net;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests;

/// <summary>The CSV export: header, escaping, formula neutralisation, the view's filters and order, and tenant isolation.</summary>
public sealed class WorkspaceExportTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Header = "Referral ID,Deal name,Customer,Country,Value,Currency,Status,Deal type,Registration status,Sales stage,Review due,Solutions,Last updated";

    private async Task<string[]> ExportAsync(string email, string url)
    {
        using var client = await factory.LoginAsync(email);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        return text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public async Task Export_starts_with_the_header_row_and_is_an_attachment()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        var response = await client.GetAsync("/referrals/outbound/export");

        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("referrals-outbound-2026-11-29.csv", response.Content.Headers.ContentDisposition.FileNameStar);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal(Header, lines[0]);
    }

    [Fact]
    public async Task Export_has_every_row_of_the_filtered_view_across_pages_in_its_order()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);
        var first = WorkspaceTestData.ReferralIds(await client.GetPageAsync("/referrals/outbound?status=Active&sort=Value&dir=desc&pageSize=5"));
        var all = WorkspaceTestData.ReferralIds(await client.GetPageAsync("/referrals/outbound?status=Active&sort=Value&dir=desc&pageSize=100"));

        var lines = await ExportAsync(DemoAccounts.NorthwindSales, "/referrals/outbound/export?status=Active&sort=Value&dir=desc&pageSize=5&page=2");

        Assert.True(all.Count > first.Count);
        Assert.Equal(all, lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.All(lines.Skip(1), l => Assert.Contains(",Active,", l, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(DemoAccounts.Reviewer, "/referrals/shared")]
    [InlineData(DemoAccounts.NorthwindSales, "/referrals/inbound")]
    public async Task Export_of_a_deciding_tab_lists_new_ones_first_in_the_order_of_its_pages(string email, string tab)
    {
        using var client = await factory.LoginAsync(email);
        var shown = await WorkspaceTestData.AllReferralIdsAsync(client, tab);

        var lines = (await ExportAsync(email, tab + "/export")).Skip(1).ToList();

        Assert.Equal(shown, lines.Select(l => l.Split(',')[0]));
        var firstNotNew = lines.FindIndex(l => !l.Contains(",New,", StringComparison.Ordinal));
        Assert.InRange(firstNotNew, 1, lines.Count - 1); // both parts are there
        Assert.DoesNotContain(lines.Skip(firstNotNew), l => l.Contains(",New,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_writes_iso_dates_invariant_values_and_the_currency()
    {
        int id;
        Deal deal;
        await using (var db = WorkspaceTestData.Db(factory))
        {
            deal = await db.Deals.Where(d => d.Status == DealStatus.New && d.Direction == DealDirection.Outbound).OrderBy(d => d.Id).FirstAsync();
            id = deal.Id;
        }

        var lines = await ExportAsync(DemoAccounts.NorthwindSales, "/referrals/outbound/export?q=" + Deal.FormatReferralId(id));

        var expectedValue = deal.Value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        var expectedDue = deal.ReviewDueAt!.Value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(2, lines.Length);
        Assert.Contains($",{expectedValue},{deal.Currency},New,Co-sell,", lines[1], StringComparison.Ordinal);
        Assert.Contains($",{expectedDue},", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_in_portuguese_has_the_portuguese_header_and_labels_and_keeps_values_invariant()
    {
        Deal deal;
        await using (var db = WorkspaceTestData.Db(factory))
        {
            deal = await db.Deals.Where(d => d.Status == DealStatus.New && d.Direction == DealDirection.Outbound).OrderBy(d => d.Id).FirstAsync();
        }

        // Not a user the other tests sign in as: a switch while signed in is stored and comes back at sign-in.
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        await client.SwitchLanguageAsync("pt-PT");
        var response = await client.GetAsync("/referrals/outbound/export?q=" + Deal.FormatReferralId(deal.Id));
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(
            "ID da oportunidade,Nome do negócio,Cliente,País,Valor,Moeda,Estado,Tipo de negócio,Estado do registo,Fase de venda,Prazo de revisão,Soluções,Última atualização",
            lines[0]);
        var value = deal.Value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        var due = deal.ReviewDueAt!.Value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($",{deal.LocationCountry},{value},{deal.Currency},Nova,Co-venda,", lines[1], StringComparison.Ordinal);
        Assert.Contains($",{due},", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_quotes_commas_and_quotes_and_neutralises_formulas()
    {
        var formula = await WorkspaceTestData.AddOutboundDealAsync(factory, DemoAccounts.NorthwindAdmin, "=HYPERLINK(\"http://x\",\"y\")", "@SUM(A1:A2) plan", share: false);
        var quoted = await WorkspaceTestData.AddOutboundDealAsync(factory, DemoAccounts.NorthwindAdmin, "Smith, \"Jones\" & Co", "+cmd deal", share: false);

        var formulaLines = await ExportAsync(DemoAccounts.NorthwindSales, "/referrals/outbound/export?q=" + Deal.FormatReferralId(formula));
        var quotedLines = await ExportAsync(DemoAccounts.NorthwindSales, "/referrals/outbound/export?q=" + Deal.FormatReferralId(quoted));

        Assert.StartsWith($"{Deal.FormatReferralId(formula)},\"'@SUM(A1:A2) plan\",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",PT,", formulaLines[1], StringComparison.Ordinal);
        Assert.StartsWith($"{Deal.FormatReferralId(quoted)},\"'+cmd deal\",\"Smith, \"\"Jones\"\" & Co\",PT,", quotedLines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoAccounts.NorthwindSales, "/referrals/outbound/export", ';')]
    [InlineData(DemoAccounts.NorthwindSales, "/referrals/outbound/export", ',')]
    [InlineData(DemoAccounts.Reviewer, "/referrals/shared/export", ';')]
    [InlineData(DemoAccounts.Reviewer, "/referrals/shared/export", ',')]
    public async Task Export_read_with_either_list_separator_starts_no_cell_with_a_formula(string email, string url, char separator)
    {
        // A partner's co-sell deal reaches the vendor's export: the payload crosses tenants.
        var id = await WorkspaceTestData.AddOutboundDealAsync(factory, DemoAccounts.NorthwindAdmin, "Lisboa Retail;@SUM(1+1)*cmd|' /C calc'!A0", "Q3 renewal;=cmd|' /C calc'!A0");
        using var client = await factory.LoginAsync(email);
        var response = await client.GetAsync(url + "?q=" + Deal.FormatReferralId(id));

        var cells = SpreadsheetCells(await response.Content.ReadAsStringAsync(), separator);

        Assert.Equal(2, cells.Count);
        Assert.Contains(Deal.FormatReferralId(id), cells[1][0], StringComparison.Ordinal);
        Assert.All(cells.SelectMany(row => row), cell => Assert.False(
            cell.TrimStart(' ').Length > 0 && "=+-@\t".Contains(cell.TrimStart(' ')[0], StringComparison.Ordinal),
            $"A reader splitting on '{separator}' gets a cell starting like a formula: {cell}"));
    }

    [Fact]
    public async Task Export_is_never_stored_by_the_browser_or_a_proxy()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        var response = await client.GetAsync("/referrals/outbound/export");

        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task Export_of_a_partner_never_contains_another_partners_deals()
    {
        var adventure = await WorkspaceTestData.OrganisationIdAsync(factory, DemoAccounts.AdventureWorks);
        List<string> theirs;
        await using (var db = WorkspaceTestData.Db(factory))
        {
            theirs = [.. (await db.Deals.Where(d => d.OwnerOrganisationId == adventure).Select(d => d.Id).ToListAsync()).Select(Deal.FormatReferralId)];
        }

        var outbound = await ExportAsync(DemoAccounts.NorthwindSales, "/referrals/outbound/export");
        var inbound = await ExportAsync(DemoAccounts.NorthwindSales, "/referrals/inbound/export");

        var exported = outbound.Skip(1).Concat(inbound.Skip(1)).Select(l => l.Split(',')[0]).ToList();
        Assert.NotEmpty(exported);
        Assert.Empty(exported.Intersect(theirs));
    }

    [Fact]
    public async Task Export_for_the_vendor_never_contains_private_deals()
    {
        List<string> privateIds;
        await using (var db = WorkspaceTestData.Db(factory))
        {
            privateIds = [.. (await db.Deals.Where(d => d.DealType == DealType.Private).Select(d => d.Id).ToListAsync()).Select(Deal.FormatReferralId)];
        }

        var shared = await ExportAsync(DemoAccounts.Reviewer, "/referrals/shared/export");

        Assert.NotEmpty(privateIds);
        Assert.True(shared.Length > 1);
        Assert.Empty(shared.Skip(1).Select(l => l.Split(',')[0]).Intersect(privateIds));
    }

    /// <summary>
    /// The rows and cells a spreadsheet sees when it splits the file on <paramref name="separator"/>: a double quote
    /// starts or ends a quoted run (two in a row inside one are a quote), and the separator or a line break outside
    /// quotes ends a cell or a row. Excel set to Portuguese reads a CSV file this way with ';'.
    /// </summary>
    private static List<List<string>> SpreadsheetCells(string text, char separator)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                if (quoted && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else
                {
                    quoted = !quoted;
                }
            }
            else if (!quoted && c == separator)
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (!quoted && c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(cell.ToString());
                cell.Clear();
                rows.Add(row);
                row = [];
            }
            else if (c != '\uFEFF')
            {
                cell.Append(c);
            }
        }

        if (cell.Length > 0 || row.Count > 0)
        {
            row.Add(cell.ToString());
            rows.Add(row);
        }

        return rows;
    }

    [Fact]
    public async Task Export_of_a_tab_the_user_does_not_have_is_not_found()
    {
        using var client = await factory.LoginAsync(DemoAccounts.Reviewer);

        var response = await client.GetAsync("/referrals/outbound/export");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
