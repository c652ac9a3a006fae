using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ReferralPortal.Data;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Web.Tests.Infrastructure;
using ReferralPortal.Web.Tests.Lifecycle;

namespace ReferralPortal.Web.Tests.Perf;

/// <summary>
/// Issue 17, throughput: how many SQL commands one Outbound list request sends. Pinned, so a change that adds a
/// round trip to every list request (a header lookup, an uncached option list) shows here rather than only as a
/// lower figure in benchmarks/RESULTS.md. Behaviour, not timing: the numbers are what the page needs today.
/// </summary>
public sealed class OutboundQueryCountTests(OutboundQueryCountTests.CountingFactory factory) : IClassFixture<OutboundQueryCountTests.CountingFactory>
{
    // 1 access check (user, session and the organisation's visibility setting), 1 capped count (or the search's
    // matching ids), 1 page of rows, 1 solution names of the page, 1 badge counts with the header's unread count and
    // New deal check; then the toolbar's own: a referral user's admins to ask (1), an admin's drafts (2: expired?, list).
    // Was 10 for each before issue 17's throughput work (three per-user header queries, two access-check queries).
    [Theory]
    [InlineData(DemoAccounts.NorthwindSales, "/referrals/outbound", 6)]
    [InlineData(DemoAccounts.NorthwindAdmin, "/referrals/outbound", 7)]
    [InlineData(DemoAccounts.NorthwindSales, "/referrals/outbound?q=Lisbon", 6)]
    public async Task A_warm_outbound_request_sends_a_fixed_number_of_queries(string user, string url, int expected)
    {
        using var client = await factory.LoginAsync(user);
        await client.GetPageAsync(url); // warms the per-organisation caches (filter options)

        var commands = await factory.CommandsOfAsync(client, url);

        Assert.True(commands.Count == expected, $"{commands.Count} queries, expected {expected}:\n{string.Join("\n---\n", commands)}");
    }

    /// <summary>Counts the commands sent while serving requests that carry a marker header (jobs are off; other requests are not counted).</summary>
    public sealed class CountingFactory : QuietPortalFactory
    {
        public const string Marker = "X-Test-Count-Queries";

        private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> commands = new();

        public async Task<IReadOnlyList<string>> CommandsOfAsync(PortalClient client, string url)
        {
            var id = Guid.NewGuid().ToString("N");
            var queue = commands.GetOrAdd(id, _ => new ConcurrentQueue<string>());
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add(Marker, id);
            using var response = await client.Http.SendAsync(request);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            return [.. queue];
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.AddHttpContextAccessor();
                services.ConfigureDbContext<ReferralsDbContext>((sp, options) =>
                    options.AddInterceptors(new Counter(sp.GetRequiredService<IHttpContextAccessor>(), this)));
            });
        }

        private sealed class Counter(IHttpContextAccessor http, CountingFactory owner) : DbCommandInterceptor
        {
            public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
            {
                Record(command);
                return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
            }

            public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
            {
                Record(command);
                return base.ReaderExecuting(command, eventData, result);
            }

            public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
            {
                Record(command);
                return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
            }

            public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
            {
                Record(command);
                return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
            }

            private void Record(DbCommand command)
            {
                if (http.HttpContext?.Request.Headers[Marker].ToString() is { Length: > 0 } id && owner.commands.TryGetValue(id, out var queue))
                {
                    queue.Enqueue(command.CommandText);
                }
            }
        }
    }
}
