using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests.Localisation;

public sealed class FieldErrorTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Field_with_a_server_error_points_at_its_message_and_is_marked_invalid()
    {
        using var client = factory.CreatePortalClient();

        var response = await client.PostFormAsync("/account/login", "/account/login", new Dictionary<string, string> { ["Email"] = string.Empty, ["Password"] = "x" });
        var page = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var email = page.QuerySelector("input#Email")!;
        Assert.Equal("Email-error", email.GetAttribute("aria-describedby"));
        Assert.Equal("true", email.GetAttribute("aria-invalid"));
        Assert.Equal("Enter your email.", page.GetElementById("Email-error")!.TextContent.Trim());
    }

    [Fact]
    public async Task Valid_field_points_at_its_empty_message_without_being_marked_invalid()
    {
        using var client = factory.CreatePortalClient();

        var page = await client.GetPageAsync("/account/login");

        var password = page.QuerySelector("input#Password")!;
        Assert.Equal("Password-error", password.GetAttribute("aria-describedby"));
        Assert.Null(password.GetAttribute("aria-invalid"));
        Assert.NotNull(page.GetElementById("Password-error"));
    }
}
