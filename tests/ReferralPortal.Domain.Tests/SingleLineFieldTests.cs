using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Customers;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Domain.Tests.Builders;

namespace ReferralPortal.Domain.Tests;

/// <summary>
/// Issue 18, defect 18: single-line fields (deal, company, contact, solution and organisation names, titles)
/// refuse line breaks, control characters and text-direction characters in the domain, whatever the writer.
/// </summary>
public sealed class SingleLineFieldTests
{
    public static TheoryData<string> Refused => new()
    {
        "Q3 renewal\nClick https://evil.example to confirm",
        "Q3 renewal\r\nSecond paragraph",
        "Q3\trenewal",
        "Q3 renewal\u0000",
        "Q3 renewal\u2028line",
        "Invoice \u202Egpj.exe",
        "Name \u2066isolated\u2069",
        "Mark \u200F here",
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Deal_name_with_a_line_break_control_or_direction_character_is_refused(string name)
    {
        var details = DealBuilder.Details(DealBuilder.Now) with { Name = name };

        var error = Assert.Throws<DomainException>(() => details.Validated(null));

        Assert.Equal("{0} must be a single line without control or text-direction characters.", error.Template);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void Contact_names_and_job_title_with_such_characters_are_refused(string text)
    {
        Assert.Throws<DomainException>(() => new DealContact(text, null, null, null, null));
        Assert.Throws<DomainException>(() => new DealContact(null, text, null, null, null));
        Assert.Throws<DomainException>(() => new DealContact(null, null, null, null, text));
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void Company_solution_and_organisation_names_with_such_characters_are_refused(string name)
    {
        Assert.Throws<DomainException>(() => new Customer(name, "PT", "Rua A 1", "Lisboa", "1000-001", "Retail", CompanySize.Small, null, addedManually: true));
        Assert.Throws<DomainException>(() => new Organisation(name, OrganisationKind.Partner, "PT"));
        Assert.Throws<DomainException>(() => new Solution(1, name, "Description"));
    }

    [Theory]
    [InlineData("Lisboa Logística SA")]
    [InlineData("شركة الاتصالات")]
    [InlineData("O'Neil & Sons — Zürich")]
    public void Names_in_any_script_on_one_line_are_accepted(string name)
    {
        var details = (DealBuilder.Details(DealBuilder.Now) with { Name = name }).Validated(null);

        Assert.Equal(name, details.Name);
    }

    [Theory]
    [InlineData("call me")]
    [InlineData("12")]
    [InlineData("+351 21x 000 000")]
    public void Contact_phone_that_is_not_a_phone_number_is_refused(string phone)
    {
        var error = Assert.Throws<DomainException>(() => new DealContact(null, null, null, phone, null));

        Assert.Equal("Enter a valid phone number: digits, spaces, brackets or dashes, optionally starting with +.", error.Message);
    }

    [Theory]
    [InlineData("maria.example.com")]
    [InlineData("maria@example")]
    public void Contact_email_that_is_not_an_address_is_refused(string email)
    {
        Assert.Throws<DomainException>(() => new DealContact(null, null, email, null, null));
    }
}
