using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Web.Tests.Infrastructure;
using ReferralPortal.Web.Tests.Lifecycle;

namespace ReferralPortal.Web.Tests.Security;

/// <summary>
/// Every field of every form (read from the pages themselves, as an authorised user) receives hostile values,
/// one field at a time, the others keeping the form's own values; each field is also left out and sent twice.
/// Never a 5xx; a redirect only to a local address; an echoed payload is encoded; and when the answer is not a
/// success redirect (a re-rendered form or an error page), the database is unchanged. Deal forms keep a stale
/// version so that a valid submission answers 409 rather than moving the demo deal on.
/// </summary>
public sealed class BadInputSweepTests(QuietPortalFactory factory) : IClassFixture<QuietPortalFactory>
{
    private static readonly Payload[] Payloads =
    [
        new("over-long 10k", new string('x', 10_000)),
        new("empty", string.Empty),
        new("whitespace", " \t  "),
        new("wrong type", "not-a-number"),
        new("not a boolean", "maybe"),
        new("negative", "-1"),
        new("negative huge", "-99999999999999999999999999999"),
        new("huge", "99999999999999999999999999999999"),
        new("decimal overflow", "79228162514264337593543950336"),
        new("exponent", "1e308"),
        new("NaN", "NaN"),
        new("infinity", "Infinity"),
        new("tiny fraction", "0.0000000001"),
        new("invalid date", "2026-02-30"),
        new("far date", "99999-12-31"),
        new("minimum date", "0001-01-01"),
        new("bad date format", "31/12/2026 25:61"),
        new("script", "<script>alert('rp-xss')</script>", Echo: true),
        new("html attribute", "\"><img src=x onerror=alert('rp-xss')>", Echo: true),
        new("javascript url", "javascript:alert('rp-xss')"),
        new("sql quote", "' OR '1'='1' --"),
        new("sql drop", "'); DROP TABLE Deals; --"),
        new("sql wildcards", "%_[]\\"),
        new("rtl override", "\u202Egnp.exe\u202C"),
        new("emoji", "😀👩🏽‍💻🏳️‍🌈"),
        new("nul", "a\0b"),
        new("zero width", "\u200B\uFEFF"),
        new("combining marks", "Z̶̢a̷l̵g̶o̸"),
        new("crlf", "x\r\nSet-Cookie: rp=1"),
        new("path traversal", "../../etc/passwd"),
        new("non-ASCII local address", "/referrals/outbound?q=Logística/é"),
        new("invalid utf-8", string.Empty, Encoded: "%ED%A0%80%FF%FE"),
    ];

    [Fact]
    public async Task Every_form_field_survives_hostile_values_without_a_server_error_a_change_or_raw_echo()
    {
        var world = new SecurityWorld(factory);
        _ = await world.PersonasAsync(); // starts (migrates and seeds) the app
        var sources = await SourcesAsync();
        var failures = new List<string>();
        var fieldCount = 0;
        var requests = 0;
        var last = await world.FingerprintAsync();

        foreach (var source in sources)
        {
            using var client = source.Email is null ? factory.CreatePortalClient() : await factory.LoginAsync(source.Email);
            var page = await client.GetPageAsync(await source.Page(client));
            var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
            last = await world.FingerprintAsync();
            var forms = Forms(page);
            for (var f = 0; f < forms.Count; f++)
            {
                var fields = forms[f].Names;
                fieldCount += fields.Count;
                foreach (var field in fields)
                {
                    foreach (var variant in Variants(field))
                    {
                        // The page may have moved on (a new draft after a deal was created): use its current form.
                        var form = Forms(page).ElementAtOrDefault(f) ?? forms[f];
                        var values = variant.Apply(form.Fields);
                        using var response = await SendAsync(client, form, values, token);
                        requests++;
                        var what = $"{source.Name} {form.Method} {form.Action} field {field} <- {variant.Name}";
                        var body = await response.Content.ReadAsStringAsync();
                        var status = (int)response.StatusCode;
                        if (status >= 500)
                        {
                            failures.Add($"{what}: {status}");
                        }

                        if (variant.Echo is { } raw && body.Contains(raw, StringComparison.Ordinal))
                        {
                            failures.Add($"{what}: the payload is echoed unencoded");
                        }

                        var location = response.Headers.Location?.OriginalString;
                        if (location is not null && (!location.StartsWith('/') || location.StartsWith("//", StringComparison.Ordinal)))
                        {
                            failures.Add($"{what}: redirects off-site to {location}");
                        }

                        // The test server passes any header on; Kestrel refuses a non-ASCII or control character (a 500 there).
                        if (location is not null && location.Any(c => c > '\x7e' || char.IsControl(c)))
                        {
                            failures.Add($"{what}: a Location header Kestrel cannot send: {location}");
                        }

                        if (form.Method == "GET")
                        {
                            continue; // search and filter forms read only
                        }

                        if (status is >= 300 and < 400)
                        {
                            // A valid submission was carried out: start again from a fresh page.
                            page = await client.GetPageAsync(await source.Page(client));
                            last = await world.FingerprintAsync();
                        }
                        else if (await world.FingerprintAsync() is var now && !now.SequenceEqual(last))
                        {
                            failures.Add($"{what}: answered {status} but changed the database ({string.Join(" | ", now.Except(last).Take(3))})");
                            last = now;
                        }
                    }
                }
            }
        }

        var variants = Payloads.Length + 2;
        PortalRoutes.Report($"Bad-input sweep: {sources.Count} form pages, {fieldCount} fields x {variants} payloads (incl. missing and duplicated) = {requests} requests, {failures.Count} failures.");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(60)));
    }

    private static IEnumerable<Variant> Variants(string field)
    {
        foreach (var payload in Payloads)
        {
            if (field == "version" && string.IsNullOrWhiteSpace(payload.Value) && payload.Encoded is null)
            {
                continue; // an empty version binds as "no version", like a missing one (below)
            }

            yield return new Variant(payload.Name, fields => Replace(fields, field, payload.Value, payload.Encoded), payload.Echo ? payload.Value : null);
        }

        // Without a version the form means "whatever the deal is now": leaving it out is a real request, not bad input.
        if (field != "version")
        {
            yield return new Variant("missing", fields => [.. fields.Where(x => x.Key != field)], null);
        }

        yield return new Variant("duplicated", fields => [.. fields, .. fields.Where(x => x.Key == field).Select(x => new Field(x.Key, "' OR '1'='1' --", null)).DefaultIfEmpty(new Field(field, "2", null))], null);
    }

    private static List<Field> Replace(IReadOnlyList<Field> fields, string name, string value, string? encoded) =>
        [.. fields.Where(x => x.Key != name), new Field(name, value, encoded)];

    private static async Task<HttpResponseMessage> SendAsync(PortalClient client, HtmlForm form, IReadOnlyList<Field> values, string? token)
    {
        var encoded = string.Join("&", values.Select(v => Uri.EscapeDataString(v.Key) + "=" + (v.Encoded ?? Uri.EscapeDataString(v.Value))));
        if (form.Method == "GET")
        {
            return await client.Http.GetAsync(form.Action + (form.Action.Contains('?', StringComparison.Ordinal) ? "&" : "?") + encoded);
        }

        var withToken = token is null ? encoded : encoded + "&__RequestVerificationToken=" + Uri.EscapeDataString(token);
        using var content = new StringContent(withToken, Encoding.ASCII, "application/x-www-form-urlencoded");
        return await client.Http.PostAsync(form.Action, content);
    }

    /// <summary>The forms of a page with their own current values (what a browser would submit unchanged).</summary>
    private static List<HtmlForm> Forms(IHtmlDocument page)
    {
        var forms = new List<HtmlForm>();
        foreach (var form in page.QuerySelectorAll("form").OfType<IHtmlFormElement>())
        {
            var action = form.GetAttribute("action") ?? string.Empty;
            var method = (form.GetAttribute("method") ?? "get").ToUpperInvariant();
            if (action.StartsWith("/account/logout", StringComparison.Ordinal) || action.EndsWith("/discard", StringComparison.Ordinal))
            {
                continue; // ending the session or the draft under test is not bad input
            }

            var fields = new List<Field>();
            foreach (var element in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
            {
                var name = element.GetAttribute("name")!;
                if (name == "__RequestVerificationToken")
                {
                    continue;
                }

                fields.AddRange(ValuesOf(element, name).Select(v => new Field(name, name == "version" ? "-1" : v, null)));
                if (!fields.Any(x => x.Key == name))
                {
                    fields.Add(new Field(name, string.Empty, null) { Unset = true });
                }
            }

            var kept = fields.Where(x => !x.Unset || !fields.Any(y => y.Key == x.Key && !y.Unset)).ToList();
            if (kept.Count > 0 && !forms.Any(x => x.Action == action && x.Method == method))
            {
                forms.Add(new HtmlForm(method, action, [.. kept.Where(x => !x.Unset)], [.. kept.Select(x => x.Key).Distinct()]));
            }
        }

        return forms;
    }

    private static IEnumerable<string> ValuesOf(IElement element, string name) => element switch
    {
        IHtmlInputElement { Type: "checkbox" or "radio" } box => box.IsChecked ? [box.Value] : [],
        IHtmlInputElement { Type: "submit" or "button" } => [],
        IHtmlInputElement input => [input.Value],
        IHtmlSelectElement select => select.Options.Where(o => o.IsSelected).Select(o => o.Value).DefaultIfEmpty((select.Options.Length > 0 ? select.Options[0]!.Value : string.Empty)),
        IHtmlTextAreaElement area => [area.Value],
        _ => [],
    };

    /// <summary>The pages whose forms are swept, each opened by a user who may use it.</summary>
    private async Task<IReadOnlyList<FormPage>> SourcesAsync()
    {
        var world = new SecurityWorld(factory);
        var northwind = await world.OrganisationIdAsync(DemoAccounts.Northwind);
        var active = (await world.ActiveCoSellDealAsync(northwind))!.Value;
        await using var db = factory.NewDbContext();
        var deals = db.Deals.IgnoreQueryFilters().Where(d => d.OwnerOrganisationId == northwind).OrderBy(d => d.Id);
        var coSellNew = await deals.Where(d => d.Status == DealStatus.New && d.Direction == DealDirection.Outbound && d.DealType == DealType.CoSell
            && d.ReviewDueAt > factory.Clock.GetUtcNow().UtcDateTime).Select(d => d.Id).FirstAsync();
        var submitted = await deals.Where(d => d.RegistrationStatus == RegistrationStatus.Submitted && d.Status == DealStatus.Active).Select(d => d.Id).FirstAsync();
        var edge = await world.FirstSolutionAsync(northwind, "Northwind Edge Gateway");
        var invitation = await world.NewInvitationAsync(northwind, ReferralPortal.Domain.Organisations.PortalRole.ReferralUser);
        await world.NewInvitationAsync(northwind, ReferralPortal.Domain.Organisations.PortalRole.ReferralAdmin);

        FormPage Fixed(string name, string? email, string url) => new(name, email, _ => Task.FromResult(url));
        async Task<string> DraftStepAsync(PortalClient client, string step) =>
            $"{await NewDealSteps.ReadyToShareAsync(client, factory, "Northwind Analytics Cloud")}/{step}";

        return
        [
            Fixed("login", null, "/account/login"),
            Fixed("deal page", DemoAccounts.NorthwindAdmin, $"/deals/{active}"),
            Fixed("workspace", DemoAccounts.NorthwindAdmin, "/referrals/outbound"),
            Fixed("vendor workspace", DemoAccounts.Reviewer, "/referrals/shared"),
            Fixed("insights", DemoAccounts.NorthwindAdmin, "/insights"),
            Fixed("mark won", DemoAccounts.NorthwindAdmin, $"/deals/{active}/won"),
            Fixed("mark lost", DemoAccounts.NorthwindAdmin, $"/deals/{active}/lost"),
            Fixed("close as error", DemoAccounts.NorthwindAdmin, $"/deals/{active}/close-as-error"),
            Fixed("decline", DemoAccounts.Reviewer, $"/deals/{coSellNew}/decline"),
            Fixed("reject registration", DemoAccounts.Reviewer, $"/deals/{submitted}/registration/reject"),
            Fixed("new inbound referral", DemoAccounts.Reviewer, "/inbound/new"),
            Fixed("new solution", DemoAccounts.NorthwindAdmin, "/solutions/new"),
            Fixed("edit solution", DemoAccounts.NorthwindAdmin, $"/solutions/{edge}/edit"),
            Fixed("programme status", DemoAccounts.ProgrammeAdmin, $"/solutions/{edge}/status"),
            Fixed("wizard customer", DemoAccounts.NorthwindAdmin, "/deals/new?country=PT&name=Lisboa&manual=true"),
            new("wizard contact", DemoAccounts.NorthwindAdmin, c => DraftStepAsync(c, "contact")),
            new("wizard details", DemoAccounts.NorthwindAdmin, c => DraftStepAsync(c, "details")),
            new("wizard sharing", DemoAccounts.NorthwindAdmin, c => DraftStepAsync(c, "sharing")),
            Fixed("notifications", DemoAccounts.NorthwindAdmin, "/notifications"),
            Fixed("team", DemoAccounts.NorthwindAdmin, "/team"),
            Fixed("vendor team", DemoAccounts.ProgrammeAdmin, "/team"),
            Fixed("partners", DemoAccounts.ProgrammeAdmin, "/partners"),
            Fixed("accept invitation", null, $"/invitations/{invitation.Token}"),
        ];
    }

    private sealed record Payload(string Name, string Value, bool Echo = false, string? Encoded = null);

    private sealed record Field(string Key, string Value, string? Encoded)
    {
        public bool Unset { get; init; }
    }

    private sealed record Variant(string Name, Func<IReadOnlyList<Field>, List<Field>> Apply, string? Echo);

    private sealed record HtmlForm(string Method, string Action, IReadOnlyList<Field> Fields, IReadOnlyList<string> Names);

    private sealed record FormPage(string Name, string? Email, Func<PortalClient, Task<string>> Page);
}
