using System.Net;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests;

/// <summary>Moves its own factory's clock past the 30-day draft lifetime, so it lives apart from the other wizard tests.</summary>
public sealed class NewDealDraftExpiryTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Draft_older_than_30_days_is_gone_from_the_list_and_the_database()
    {
        string draft;
        using (var before = await factory.LoginAsync(DemoAccounts.NorthwindAdmin))
        {
            draft = await NewDealSteps.SelectCustomerAsync(before);
        }

        var draftId = NewDealSteps.DraftId(draft);
        factory.Clock.Advance(TimeSpan.FromDays(31));
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var outbound = await client.GetPageAsync("/referrals/outbound");

        Assert.Null(outbound.QuerySelector(".drafts-list"));
        await using var db = factory.NewDbContext();
        Assert.False(await db.DealDrafts.AnyAsync(d => d.Id == draftId));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{draft}/contact")).StatusCode);
    }
}
