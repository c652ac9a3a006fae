using Microsoft.Extensions.DependencyInjection;
using ReferralPortal.Data;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Web.Features.Workspace;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests.Perf;

/// <summary>
/// Every column sort of every large tab, in both directions, is read from an index (issue 17): the page query the
/// list runs, as the database plans it, has no sort step over the tab's deals. The Favorites tab is left out: it
/// starts from the user's own few favourites, so sorting them is bounded whatever the programme's size.
/// </summary>
public sealed class WorkspaceSortPlanTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    public static TheoryData<string, string, string, bool> Sorts()
    {
        var data = new TheoryData<string, string, string, bool>();
        var tabs = new (string Email, WorkspaceTab Tab)[]
        {
            (DemoAccounts.NorthwindAdmin, WorkspaceTab.Outbound),
            (DemoAccounts.NorthwindAdmin, WorkspaceTab.Inbound),
            (DemoAccounts.Reviewer, WorkspaceTab.Shared),
            (DemoAccounts.Reviewer, WorkspaceTab.Sent),
            (DemoAccounts.Reviewer, WorkspaceTab.Registrations),
        };
        foreach (var (email, tab) in tabs)
        {
            foreach (var column in Enum.GetValues<SortColumn>())
            {
                if (column == SortColumn.Partner && email != DemoAccounts.Reviewer)
                {
                    continue; // the Partner column is the vendor's
                }

                data.Add(email, tab.ToString(), column.ToString(), false);
                data.Add(email, tab.ToString(), column.ToString(), true);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task Sorted_page_of_a_tab_is_read_in_index_order(string email, string tab, string column, bool descending)
    {
        var actor = await new DealBuilder(factory).ActorAsync(email);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
        db.SetTenant(new TenantScope(actor.OrganisationId, actor.IsVendor, actor.UserId));
        var filter = WorkspaceFilter.Default with { Sort = Enum.Parse<SortColumn>(column), Descending = descending };
        var t = Enum.Parse<WorkspaceTab>(tab);
        var deals = scope.ServiceProvider.GetRequiredService<WorkspaceDeals>().Filtered(actor, t, filter);
        var page = scope.ServiceProvider.GetRequiredService<WorkspaceQuery>()
            .Rows(actor, WorkspaceDeals.Ordered(deals, t, filter).Skip(filter.Skip).Take(filter.PageSize));

        var plan = await QueryPlan.ExplainAsync(db, page);

        QueryPlan.AssertOrderFromAnIndex(plan);
    }
}
