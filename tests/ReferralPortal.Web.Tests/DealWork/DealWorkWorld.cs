using Microsoft.EntityFrameworkCore;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Web.Tests.Infrastructure;
using ReferralPortal.Web.Tests.Lifecycle;

namespace ReferralPortal.Web.Tests.DealWork;

/// <summary>Working a deal over HTTP (issue 14): its team, its stage and its edit form, and reading what they changed.</summary>
internal static class DealWorkWorld
{
    public static async Task<string> UserIdAsync(PortalFactory factory, string email)
    {
        await using var db = WorkspaceTestData.Db(factory);
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    public static async Task AddToTeamAsync(PortalFactory factory, PortalClient admin, int dealId, string email)
    {
        var userId = await UserIdAsync(factory, email);
        LifecycleHttp.AssertApplied(await admin.PostAsync($"/deals/{dealId}/team/add", ("userId", userId)), dealId);
    }

    public static async Task<Deal> DealAsync(PortalFactory factory, int id)
    {
        await using var db = factory.NewDbContext();
        return await db.Deals.AsNoTracking().AsSplitQuery().Include(d => d.Activities).Include(d => d.Team).Include(d => d.Solutions).SingleAsync(d => d.Id == id);
    }

    /// <summary>The e-mails of everyone notified about this deal, sorted.</summary>
    public static async Task<List<string>> NotifiedAsync(PortalFactory factory, int dealId)
    {
        await using var db = factory.NewDbContext();
        return await db.Notifications.Where(n => n.DealId == dealId)
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => u.Email!)
            .Distinct().OrderBy(e => e).ToListAsync();
    }

    /// <summary>The Edit deal form's fields as the page shows them, with <paramref name="changes"/> applied.</summary>
    public static async Task<(AngleSharp.Html.Dom.IHtmlDocument Page, List<KeyValuePair<string, string>> Fields)> EditFormAsync(
        PortalClient client, int dealId, params (string Name, string Value)[] changes)
    {
        var page = await client.GetPageAsync($"/deals/{dealId}/edit");
        var form = page.QuerySelector($"form[action='/deals/{dealId}/edit']")!;
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var e in form.QuerySelectorAll("input, textarea, select"))
        {
            var name = e.GetAttribute("name");
            var type = e.GetAttribute("type");
            if (name is null || name == "__RequestVerificationToken" || (type is "checkbox" or "radio" && !e.HasAttribute("checked")))
            {
                continue;
            }

            var value = e.LocalName switch
            {
                "textarea" => e.TextContent,
                "select" => e.QuerySelector("option[selected]")?.GetAttribute("value") ?? e.QuerySelector("option")?.GetAttribute("value") ?? string.Empty,
                _ => e.GetAttribute("value") ?? string.Empty,
            };
            fields.Add(new(name, value));
        }

        foreach (var (name, value) in changes)
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }

        return (page, fields);
    }
}
