using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace ReferralPortal.Web.Tests.Webhooks;

/// <summary>The <c>Webhooks</c> section is checked when the app starts, not when the worker first runs.</summary>
public sealed class WebhooksOptionsTests
{
    [Fact]
    public void A_batch_size_of_zero_stops_the_app_at_start_with_the_key_named()
    {
        using var factory = new ZeroBatchFactory();

        var refused = Assert.ThrowsAny<OptionsValidationException>(() => factory.Server);

        Assert.Contains("Webhooks:BatchSize must be between 1 and 1000.", refused.Message, StringComparison.Ordinal);
    }

    private sealed class ZeroBatchFactory : WebhookPortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Webhooks:BatchSize", "0");
        }
    }
}
