using FluentValidation;
using ReferralPortal.Web.Features.Account;

namespace ReferralPortal.Web.Tests.Signin;

/// <summary>
/// Review finding (issue 13): the Account page's inputs are validated by FluentValidation validators like every other
/// form, with the messages (English keys of the resources) and field names the page showed before.
/// </summary>
public sealed class AccountInputValidatorTests
{
    [Theory]
    [InlineData(null, "en")]
    [InlineData("A", "en")]
    [InlineData("   A   ", "pt-PT")]
    public void Profile_with_a_name_shorter_than_two_characters_asks_for_a_name(string? name, string language) =>
        AssertOnly(new ProfileInputValidator(), new ProfileInput { DisplayName = name, Language = language }, "DisplayName", "Enter your name, 2 to 200 characters.");

    [Fact]
    public void Profile_with_a_name_over_200_characters_asks_for_a_name() =>
        AssertOnly(new ProfileInputValidator(), new ProfileInput { DisplayName = new string('n', 201), Language = "en" }, "DisplayName", "Enter your name, 2 to 200 characters.");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("fr-FR")]
    public void Profile_with_a_language_the_portal_does_not_offer_asks_to_choose_one(string? language) =>
        AssertOnly(new ProfileInputValidator(), new ProfileInput { DisplayName = "Ana Silva", Language = language }, "Language", "Choose a language.");

    [Theory]
    [InlineData("en")]
    [InlineData("pt-PT")]
    public void Profile_with_a_name_and_an_offered_language_is_valid(string language) =>
        Assert.True(new ProfileInputValidator().Validate(new ProfileInput { DisplayName = "  Ana Silva  ", Language = language }).IsValid);

    [Fact]
    public void Change_password_without_the_current_password_asks_for_it() =>
        AssertOnly(new ChangePasswordInputValidator(), new ChangePasswordInput { NewPassword = "a brand new river passphrase" }, "CurrentPassword", "Enter your current password.");

    [Fact]
    public void Change_password_without_a_new_password_asks_to_choose_one() =>
        AssertOnly(new ChangePasswordInputValidator(), new ChangePasswordInput { CurrentPassword = "my old password" }, "NewPassword", "Choose a password.");

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("12345678901234567")]
    public void Authenticator_setup_with_no_code_or_a_code_far_too_long_says_the_code_is_not_correct(string? code) =>
        AssertOnly(new CodeInputValidator(), new CodeInput { Code = code }, "Code", "The authentication code is not correct. Enter the current code from your app.");

    [Fact]
    public void Removing_the_authenticator_without_the_password_says_the_password_is_not_correct() =>
        AssertOnly(new PasswordConfirmInputValidator(), new PasswordConfirmInput(), "Password", "The password is not correct.");

    private static void AssertOnly<T>(IValidator<T> validator, T input, string field, string message)
    {
        var failure = Assert.Single(validator.Validate(input).Errors);
        Assert.Equal(field, failure.PropertyName);
        Assert.Equal(message, failure.ErrorMessage);
    }
}
