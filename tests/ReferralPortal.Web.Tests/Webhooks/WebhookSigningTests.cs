using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using ReferralPortal.Web.Features.Webhooks;

namespace ReferralPortal.Web.Tests.Webhooks;

/// <summary>The signature against the Standard Webhooks specification's published example, and the URL rules without the app.</summary>
public sealed class WebhookSigningTests
{
    [Fact]
    public void Signature_matches_the_Standard_Webhooks_published_example()
    {
        var signature = WebhookSecrets.Sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, """{"test": 2432232314}""");

        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    [Fact]
    public void New_secret_is_whsec_and_32_random_bytes_in_base64()
    {
        var secret = WebhookSecrets.New();

        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(secret["whsec_".Length..]).Length);
        Assert.NotEqual(secret, WebhookSecrets.New());
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.0.9")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.10")]
    [InlineData("100.64.0.1")]
    [InlineData("100.127.255.254")]
    [InlineData("169.254.169.254")]
    [InlineData("169.254.1.1")]
    [InlineData("0.0.0.0")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("fe80::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    public void Loopback_private_link_local_and_metadata_addresses_are_refused(string address)
    {
        Assert.True(WebhookAddressRules.IsBlocked(System.Net.IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("93.184.216.34")]
    [InlineData("2001:4860:4860::8888")]
    [InlineData("::ffff:8.8.8.8")]
    public void Public_addresses_are_allowed(string address)
    {
        Assert.False(WebhookAddressRules.IsBlocked(System.Net.IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("https://localhost/hook")]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://10.0.0.5/hook")]
    [InlineData("https://[::ffff:192.168.0.1]/hook")]
    public async Task Saving_a_url_on_a_private_network_is_refused(string url)
    {
        Assert.Equal(WebhookAddressRules.PrivateAddressMessage, await WebhookAddressRules.WhyNotAsync(url, httpAllowed: false, allowPrivateNetworks: false, CancellationToken.None));
    }

    [Fact]
    public async Task Private_networks_are_accepted_when_the_setting_allows_them()
    {
        Assert.Null(await WebhookAddressRules.WhyNotAsync("http://127.0.0.1:5000/hook", httpAllowed: true, allowPrivateNetworks: true, CancellationToken.None));
    }

    [Fact]
    public async Task Outside_Development_only_https_urls_are_accepted()
    {
        var production = new AddWebhookEndpointInputValidator(new HostingEnvironment { EnvironmentName = Environments.Production }, Options.Create(new WebhooksOptions { AllowPrivateNetworks = true }));
        var development = new AddWebhookEndpointInputValidator(new HostingEnvironment { EnvironmentName = Environments.Development }, Options.Create(new WebhooksOptions { AllowPrivateNetworks = true }));
        var input = new AddWebhookEndpointInput { Url = "http://crm.example.com/hooks", Events = ["referral.created"] };

        var refused = await production.ValidateAsync(input);
        var accepted = await development.ValidateAsync(input);
        var https = await production.ValidateAsync(new AddWebhookEndpointInput { Url = "https://crm.example.com/hooks", Events = ["referral.created"] });

        Assert.Equal("Use an https:// URL: webhooks are only sent over https.", Assert.Single(refused.Errors).ErrorMessage);
        Assert.True(accepted.IsValid);
        Assert.True(https.IsValid);
    }

    [Fact]
    public async Task An_unknown_event_or_none_is_refused()
    {
        var validator = new AddWebhookEndpointInputValidator(new HostingEnvironment { EnvironmentName = Environments.Production }, Options.Create(new WebhooksOptions { AllowPrivateNetworks = true }));

        var none = await validator.ValidateAsync(new AddWebhookEndpointInput { Url = "https://crm.example.com/hooks" });
        var unknown = await validator.ValidateAsync(new AddWebhookEndpointInput { Url = "https://crm.example.com/hooks", Events = ["deal.deleted"] });

        Assert.Equal("Choose at least one event.", Assert.Single(none.Errors).ErrorMessage);
        Assert.Equal("Choose at least one event.", Assert.Single(unknown.Errors).ErrorMessage);
    }
}
