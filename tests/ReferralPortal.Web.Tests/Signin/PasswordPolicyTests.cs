using System.Net;
using ReferralPortal.Web.Features.Account;
using ReferralPortal.Web.Tests.Infrastructure;
using ReferralPortal.Web.Tests.People;

namespace ReferralPortal.Web.Tests.Signin;

/// <summary>
/// The password policy (ASVS 5.0 6.2): length 8 to 128 counted in characters, no composition rules, any Unicode
/// and spaces, refused when common or breached or when it contains the e-mail's local part or the name; the
/// message says which rule. One validator behind invitations, change and reset.
/// </summary>
public sealed class PasswordPolicyTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Email = "ana.pereira@people.example";
    private const string Name = "Ana Pereira";

    [Theory]
    [InlineData("zq8#Lm2")]
    [InlineData("🐎🐎🐎🐎🐎🐎🐎")] // 7 characters, 14 UTF-16 units
    public void Seven_characters_are_refused_as_too_short(string password) =>
        Assert.Equal("PasswordTooShort", PortalPasswordValidator.Judge(Email, Name, password)?.Code);

    [Theory]
    [InlineData("zq8#lmp2")] // 8, no capital, no composition demanded
    [InlineData("correct horse 🐎 battery staple")] // spaces and emoji
    [InlineData("   spaced   out   words   ")]
    [InlineData("ação é coração à noite")]
    public void Passwords_of_eight_characters_or_more_with_any_characters_are_accepted(string password) =>
        Assert.Null(PortalPasswordValidator.Judge(Email, Name, password));

    [Fact]
    public void Sixty_four_and_up_to_128_characters_are_accepted_and_129_refused()
    {
        var sixtyFour = string.Concat(Enumerable.Repeat("river stone ", 6))[..64];
        var max = string.Concat(Enumerable.Repeat("river stone ", 11))[..128];

        Assert.Null(PortalPasswordValidator.Judge(Email, Name, sixtyFour));
        Assert.Null(PortalPasswordValidator.Judge(Email, Name, max));
        Assert.Equal("PasswordTooLong", PortalPasswordValidator.Judge(Email, Name, max + "x")?.Code);
    }

    [Theory]
    [InlineData("iloveyou")]
    [InlineData("password1")]
    [InlineData("PassWord1")]
    [InlineData("qwertyuiop")]
    public void A_password_on_the_shipped_common_list_is_refused(string password) =>
        Assert.Equal("PasswordCommon", PortalPasswordValidator.Judge(Email, Name, password)?.Code);

    [Fact]
    public void The_shipped_list_holds_at_least_ten_thousand_passwords_the_length_rule_leaves_open() =>
        Assert.True(PortalPasswordValidator.CommonCount >= 10_000, $"{PortalPasswordValidator.CommonCount} passwords");

    [Fact]
    public void A_password_containing_the_email_local_part_or_the_name_is_refused()
    {
        Assert.Equal("PasswordContainsEmail", PortalPasswordValidator.Judge(Email, Name, "my ANA.PEREIRA secret")?.Code);
        Assert.Equal("PasswordContainsName", PortalPasswordValidator.Judge(Email, Name, "hello ana pereira 42")?.Code);
    }

    [Fact]
    public async Task Change_password_to_a_common_one_says_so_and_keeps_the_old_password()
    {
        var (client, email) = await SigninWorld.NewMemberAsync(factory);
        using var _ = client;

        using var refused = await SigninWorld.AccountPostAsync(client, "/account/password", new()
        {
            ["Password.CurrentPassword"] = PeopleWorld.Password,
            ["Password.NewPassword"] = "iloveyou",
        });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("This password is on a list of common or breached passwords.", await SigninWorld.ErrorsAsync(refused), StringComparison.Ordinal);
        using var again = factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.Redirect, (await again.LoginAsync(email, PeopleWorld.Password)).StatusCode);
    }

    [Fact]
    public async Task An_invitation_refuses_a_password_containing_the_invited_address()
    {
        using var admin = await factory.LoginAsync(Data.Seeding.DemoAccounts.NorthwindAdmin);
        var email = PeopleWorld.NewEmail("policy");
        var link = await PeopleWorld.InviteAsync(admin, email, "ReferralUser");
        using var person = factory.CreatePortalClient();

        using var refused = await PeopleWorld.AcceptAsync(person, link, password: "my " + email.Split('@')[0] + " pass");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("The password must not contain your e-mail address.", await SigninWorld.ErrorsAsync(refused), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_password_still_signs_in_because_the_policy_judges_passwords_being_set()
    {
        using var client = factory.CreatePortalClient();
        using var response = await client.LoginAsync(Data.Seeding.DemoAccounts.Reviewer);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
