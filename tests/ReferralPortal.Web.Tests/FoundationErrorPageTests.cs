using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ReferralPortal.Data;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests;

/// <summary>Outside Development an unexpected failure shows the friendly page with a request id, never exception details.</summary>
public sealed class FoundationErrorPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Failure = "Simulated failure for the error page test";

    [Fact]
    public async Task Unexpected_failure_in_production_shows_a_request_id_and_no_stack_trace()
    {
        using var client = ProductionAppWhereTheLoginPageFails().CreateClient();

        var response = await client.GetAsync("/account/login");

        var body = await response.Content.ReadAsStringAsync();
        var page = await PortalClient.ParseAsync(body);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("Something went wrong", page.QuerySelector("main h1")?.TextContent.Trim());
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("main code")?.TextContent));
        Assert.DoesNotContain(Failure, body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.DoesNotContain("ReferralPortal.Web", body, StringComparison.Ordinal);
    }

    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> ProductionAppWhereTheLoginPageFails() =>
        factory.WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.ConfigureServices(services =>
            {
                // The login controller cannot be built: an unexpected exception on an anonymous page.
                services.RemoveAll<SignInManager<PortalUser>>();
                services.AddScoped<SignInManager<PortalUser>>(_ => throw new InvalidOperationException(Failure));
            });
        });
}
