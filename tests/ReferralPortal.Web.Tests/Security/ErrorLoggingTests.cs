using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ReferralPortal.Data;
using ReferralPortal.Web.Tests.Infrastructure;
using Serilog.Core;
using Serilog.Events;

namespace ReferralPortal.Web.Tests.Security;

/// <summary>An unexpected failure is logged by Serilog with the request id that the error page shows, and the page leaks nothing.</summary>
public sealed class ErrorLoggingTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Failure = "Simulated failure SELECT * FROM Deals for the logging test";

    [Fact]
    public async Task Unexpected_failure_is_logged_with_the_request_id_shown_on_the_error_page()
    {
        var sink = new CapturedLog();
        using var app = factory.WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.ConfigureServices(services =>
            {
                services.AddSingleton<ILogEventSink>(sink);
                services.RemoveAll<SignInManager<PortalUser>>();
                services.AddScoped<SignInManager<PortalUser>>(_ => throw new InvalidOperationException(Failure));
            });
        });
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/account/login");

        var body = await response.Content.ReadAsStringAsync();
        var requestId = (await PortalClient.ParseAsync(body)).QuerySelector("main code")?.TextContent.Trim();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.False(string.IsNullOrEmpty(requestId));
        Assert.DoesNotContain("SELECT", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.Contains(sink.Events, e => e.Level >= LogEventLevel.Error
            && e.Exception?.ToString().Contains(Failure, StringComparison.Ordinal) == true
            && e.Properties.TryGetValue("RequestId", out var id) && id is ScalarValue { Value: string s } && s == requestId);
    }
}
