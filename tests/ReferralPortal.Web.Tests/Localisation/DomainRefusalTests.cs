using System.Net;
using AngleSharp.Html.Dom;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Web.Infrastructure;
using ReferralPortal.Web.Resources;
using ReferralPortal.Web.Tests.Infrastructure;
using ReferralPortal.Web.Tests.Lifecycle;

namespace ReferralPortal.Web.Tests.Localisation;

/// <summary>The domain's refusals, also those built from values, read in the user's language.</summary>
public sealed class DomainRefusalTests(QuietPortalFactory factory) : IClassFixture<QuietPortalFactory>
{
    private readonly LifecycleWorld world = new(factory);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_name_too_short_once_trimmed_is_refused_beside_the_field_in_portuguese()
    {
        using var reviewer = await PortugueseClientAsync(DemoAccounts.Reviewer);
        var form = await reviewer.GetPageAsync("/inbound/new");

        // The form counts the name as the domain does, without the surrounding spaces.
        var response = await reviewer.PostWithTokenAsync(form, "/inbound/new", InboundFields(form, "  ab  "));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(
            LocalizationSetup.InCulture("pt-PT", () => SharedResource.Text("Enter a deal name of 3 to 200 characters.")),
            page.QuerySelector("#Input_Name-error")?.TextContent.Trim());
    }

    [Fact]
    public async Task A_value_that_cannot_be_read_is_refused_beside_the_field_and_in_the_summary_in_portuguese()
    {
        using var reviewer = await PortugueseClientAsync(DemoAccounts.Reviewer);
        var form = await reviewer.GetPageAsync("/inbound/new");
        var fields = InboundFields(form, "Unreadable value deal")
            .Select(f => f.Key == "Input.Value" ? new KeyValuePair<string, string>(f.Key, "12abc") : f).ToList();

        var response = await reviewer.PostWithTokenAsync(form, "/inbound/new", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("Introduza um valor válido.", page.QuerySelector("#Input_Value-error")?.TextContent.Trim());
        Assert.Contains(page.QuerySelectorAll("[data-error-summary] a"), a => a.TextContent.Trim() == "Introduza um valor válido." && a.GetAttribute("href") == "#Input_Value");
    }

    [Fact]
    public void Refusal_built_from_values_reads_in_portuguese_with_the_field_name_translated()
    {
        var refusal = new DomainException("{0} must be between {1} and {2} characters.", "Deal name", 3, 200);

        var text = LocalizationSetup.InCulture("pt-PT", refusal.LocalizedMessage);

        Assert.Equal("O campo «Nome do negócio» tem de ter entre 3 e 200 caracteres.", text);
    }

    [Fact]
    public async Task Refused_action_page_reads_in_portuguese()
    {
        var id = await world.CoSellNewAsync();
        using var admin = await PortugueseClientAsync(DemoAccounts.NorthwindAdmin);

        var page = await admin.GetPageAsync($"/deals/{id}/won", HttpStatusCode.Forbidden);

        Assert.Equal("Só um negócio ativo pode ser marcado como ganho ou perdido.", page.QuerySelector(".lead")!.TextContent.Trim());
    }

    [Fact]
    public void Refusal_reads_its_numbers_the_portuguese_way()
    {
        var refusal = new DomainException("Estimated value must be more than 0 and at most {0:N0}.", DealDetails.MaxValue);

        var text = LocalizationSetup.InCulture("pt-PT", refusal.LocalizedMessage);

        Assert.Equal("O valor estimado tem de ser superior a 0 e no máximo 1 000 000 000.", text.Replace('\u202F', ' ').Replace('\u00A0', ' '));
    }

    [Fact]
    public void Refusal_reads_the_same_as_before_in_english()
    {
        var refusal = new DomainException("{0} must be at most {1} characters.", "Job title", 100);

        var text = LocalizationSetup.InCulture("en", refusal.LocalizedMessage);

        Assert.Equal("Job title must be at most 100 characters.", text);
    }

    private async Task<PortalClient> PortugueseClientAsync(string email)
    {
        var client = await factory.LoginAsync(email);
        await client.SwitchLanguageAsync("pt-PT");
        return client;
    }

    private static List<KeyValuePair<string, string>> InboundFields(IHtmlDocument form, string name)
    {
        string First(string select, Func<string, bool> match) =>
            form.QuerySelectorAll($"select[name='{select}'] option").First(o => match(o.TextContent)).GetAttribute("value")!;
        return
        [
            new("Input.PartnerId", First("Input.PartnerId", t => t.StartsWith(DemoAccounts.Northwind, StringComparison.Ordinal))),
            new("Input.CustomerId", form.QuerySelectorAll("select[name='Input.CustomerId'] option").First(o => o.GetAttribute("value") is { Length: > 0 }).GetAttribute("value")!),
            new("Input.SolutionId", First("Input.SolutionId", t => t.StartsWith("Northwind Analytics Cloud", StringComparison.Ordinal))),
            new("Input.Name", name),
            new("Input.Value", "75000"),
            new("Input.Currency", "EUR"),
            new("Input.EstimatedCloseDate", DateOnly.FromDateTime(PortalFactory.Start.UtcDateTime).AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        ];
    }
}
