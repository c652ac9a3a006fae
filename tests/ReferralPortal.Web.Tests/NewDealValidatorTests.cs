using FluentValidation;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ReferralPortal.Domain.Customers;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Web.Features.NewDeal;
using ReferralPortal.Web.Infrastructure;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests;

/// <summary>Unit tests of the wizard's step validators: one rule each, no web host.</summary>
public sealed class NewDealValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    private static readonly DetailsStepValidator Details = new(
        new FakeTimeProvider(Now),
        Options.Create(new ProgrammeOptions()),
        new FixedSolutions(new SolutionChoice(1, "Analytics", true, true), new SolutionChoice(2, "Field Service", true, false)));

    private static DetailsStepInput ValidDetails() => new()
    {
        Name = "Retail analytics rollout",
        Value = 125_000.50m,
        Currency = "EUR",
        LocationCountry = "PT",
        EstimatedCloseDate = Today.AddDays(30),
        Notes = "Met at the summit.",
        SolutionIds = [1],
    };

    private static async Task<string[]> ErrorsFor<T>(IValidator<T> validator, T input, string property) =>
        [.. (await validator.ValidateAsync(input, TestContext.Current.CancellationToken)).Errors.Where(e => e.PropertyName == property).Select(e => e.ErrorMessage)];

    [Fact]
    public async Task Details_valid_input_gives_no_errors()
    {
        var result = await Details.ValidateAsync(ValidDetails(), TestContext.Current.CancellationToken);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("ab")]
    [InlineData("  ab   ")]
    public async Task Details_name_shorter_than_3_or_blank_gives_a_message(string? name)
    {
        var input = ValidDetails();
        input.Name = name;

        Assert.Equal(["Enter a deal name of 3 to 200 characters."], await ErrorsFor(Details, input, nameof(DetailsStepInput.Name)));
    }

    [Fact]
    public async Task Details_name_longer_than_200_gives_a_message()
    {
        var input = ValidDetails();
        input.Name = new string('x', 201);

        Assert.Equal(["Enter a deal name of 3 to 200 characters."], await ErrorsFor(Details, input, nameof(DetailsStepInput.Name)));
    }

    [Fact]
    public async Task Details_name_of_exactly_200_characters_is_accepted()
    {
        var input = ValidDetails();
        input.Name = new string('x', 200);

        Assert.Empty(await ErrorsFor(Details, input, nameof(DetailsStepInput.Name)));
    }

    [Fact]
    public async Task Details_missing_value_gives_enter_the_value()
    {
        var input = ValidDetails();
        input.Value = null;

        Assert.Equal(["Enter the estimated value."], await ErrorsFor(Details, input, nameof(DetailsStepInput.Value)));
    }

    [Theory]
    [InlineData("0", "Estimated value must be more than 0.")]
    [InlineData("-5", "Estimated value must be more than 0.")]
    [InlineData("1000000000.01", "Estimated value can be at most 1,000,000,000.")]
    [InlineData("10.005", "Estimated value can have at most 2 decimals.")]
    public async Task Details_value_out_of_range_or_too_precise_gives_a_message(string value, string message)
    {
        var input = ValidDetails();
        input.Value = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal([message], await ErrorsFor(Details, input, nameof(DetailsStepInput.Value)));
    }

    [Fact]
    public async Task Details_value_of_exactly_one_billion_is_accepted()
    {
        var input = ValidDetails();
        input.Value = DealDetails.MaxValue;

        Assert.Empty(await ErrorsFor(Details, input, nameof(DetailsStepInput.Value)));
    }

    [Theory]
    [InlineData("JPY")]
    [InlineData("eur")]
    [InlineData(null)]
    public async Task Details_currency_outside_the_configured_list_gives_a_message(string? currency)
    {
        var input = ValidDetails();
        input.Currency = currency;

        Assert.Equal(["Choose a currency from the list."], await ErrorsFor(Details, input, nameof(DetailsStepInput.Currency)));
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("pt")]
    [InlineData(null)]
    public async Task Details_location_not_an_iso_country_code_gives_a_message(string? country)
    {
        var input = ValidDetails();
        input.LocationCountry = country;

        Assert.Equal(["Choose the deal location from the list."], await ErrorsFor(Details, input, nameof(DetailsStepInput.LocationCountry)));
    }

    [Fact]
    public async Task Details_close_date_yesterday_gives_a_message()
    {
        var input = ValidDetails();
        input.EstimatedCloseDate = Today.AddDays(-1);

        Assert.Equal(["Estimated close date must be today or later."], await ErrorsFor(Details, input, nameof(DetailsStepInput.EstimatedCloseDate)));
    }

    [Fact]
    public async Task Details_close_date_today_is_accepted()
    {
        var input = ValidDetails();
        input.EstimatedCloseDate = Today;

        Assert.Empty(await ErrorsFor(Details, input, nameof(DetailsStepInput.EstimatedCloseDate)));
    }

    [Fact]
    public async Task Details_missing_close_date_gives_a_message()
    {
        var input = ValidDetails();
        input.EstimatedCloseDate = null;

        Assert.Equal(["Enter the estimated close date."], await ErrorsFor(Details, input, nameof(DetailsStepInput.EstimatedCloseDate)));
    }

    [Fact]
    public async Task Details_notes_over_2000_characters_give_a_message()
    {
        var input = ValidDetails();
        input.Notes = new string('n', 2001);

        Assert.Equal(["Notes can be at most 2,000 characters."], await ErrorsFor(Details, input, nameof(DetailsStepInput.Notes)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("dummy")]
    public async Task Details_placeholder_data_without_an_explanation_in_the_notes_gives_a_message(string? notes)
    {
        var input = ValidDetails();
        input.ContainsPlaceholderData = true;
        input.Notes = notes;

        Assert.Equal(["Explain in the notes why the deal contains placeholder data (at least 10 characters)."], await ErrorsFor(Details, input, nameof(DetailsStepInput.Notes)));
    }

    [Fact]
    public async Task Details_placeholder_data_with_an_explanation_is_accepted()
    {
        var input = ValidDetails();
        input.ContainsPlaceholderData = true;
        input.Notes = "Contact is a placeholder until procurement confirms.";

        Assert.Empty(await ErrorsFor(Details, input, nameof(DetailsStepInput.Notes)));
    }

    [Fact]
    public async Task Details_without_solutions_gives_choose_at_least_one()
    {
        var input = ValidDetails();
        input.SolutionIds = [];

        Assert.Equal(["Choose at least one solution."], await ErrorsFor(Details, input, nameof(DetailsStepInput.SolutionIds)));
    }

    [Fact]
    public async Task Details_with_a_solution_outside_the_partners_published_ones_gives_a_message()
    {
        var input = ValidDetails();
        input.SolutionIds = [1, 99];

        Assert.Equal(["Choose only your organisation's published solutions."], await ErrorsFor(Details, input, nameof(DetailsStepInput.SolutionIds)));
    }

    private static readonly ContactStepValidator Contact = new();

    [Fact]
    public async Task Contact_left_empty_is_accepted()
    {
        Assert.True((await Contact.ValidateAsync(new ContactStepInput(), TestContext.Current.CancellationToken)).IsValid);
    }

    [Theory]
    [InlineData("maria.example.com")]
    [InlineData("maria@example")]
    [InlineData("ma ria@example.com")]
    public async Task Contact_malformed_email_gives_a_message(string email)
    {
        Assert.Equal(["Enter a valid email address, like name@company.com."], await ErrorsFor(Contact, new ContactStepInput { Email = email }, nameof(ContactStepInput.Email)));
    }

    [Theory]
    [InlineData("call me")]
    [InlineData("12")]
    [InlineData("+351 21x 000 000")]
    public async Task Contact_malformed_phone_gives_a_message(string phone)
    {
        Assert.Single(await ErrorsFor(Contact, new ContactStepInput { Phone = phone }, nameof(ContactStepInput.Phone)));
    }

    [Theory]
    [InlineData("+351 210 000 000")]
    [InlineData("(21) 555-0100")]
    public async Task Contact_well_formed_phone_is_accepted(string phone)
    {
        Assert.Empty(await ErrorsFor(Contact, new ContactStepInput { Phone = phone }, nameof(ContactStepInput.Phone)));
    }

    [Fact]
    public async Task Contact_first_name_over_100_characters_gives_a_message()
    {
        Assert.Single(await ErrorsFor(Contact, new ContactStepInput { FirstName = new string('m', 101) }, nameof(ContactStepInput.FirstName)));
    }

    private static readonly ManualCustomerValidator Manual = new();

    private static ManualCustomerInput ValidCustomer() => new()
    {
        Name = "Évora Vinhos Lda",
        Country = "PT",
        AddressLine = "Praça do Giraldo 1",
        City = "Évora",
        PostalCode = "7000-508",
        Industry = "Food and beverage",
        Size = CompanySize.Small,
    };

    [Fact]
    public async Task Manual_customer_valid_input_gives_no_errors()
    {
        Assert.True((await Manual.ValidateAsync(ValidCustomer(), TestContext.Current.CancellationToken)).IsValid);
    }

    [Theory]
    [InlineData(nameof(ManualCustomerInput.Name))]
    [InlineData(nameof(ManualCustomerInput.AddressLine))]
    [InlineData(nameof(ManualCustomerInput.City))]
    [InlineData(nameof(ManualCustomerInput.PostalCode))]
    [InlineData(nameof(ManualCustomerInput.Industry))]
    [InlineData(nameof(ManualCustomerInput.Size))]
    [InlineData(nameof(ManualCustomerInput.Country))]
    public async Task Manual_customer_missing_a_required_field_gives_a_message_for_it(string field)
    {
        var input = ValidCustomer();
        typeof(ManualCustomerInput).GetProperty(field)!.SetValue(input, null);

        Assert.Single(await ErrorsFor(Manual, input, field));
    }

    [Theory]
    [InlineData(nameof(ManualCustomerInput.Name))]
    [InlineData(nameof(ManualCustomerInput.AddressLine))]
    [InlineData(nameof(ManualCustomerInput.City))]
    [InlineData(nameof(ManualCustomerInput.Industry))]
    public async Task Manual_customer_field_with_a_line_break_gives_a_message(string field)
    {
        var input = ValidCustomer();
        typeof(ManualCustomerInput).GetProperty(field)!.SetValue(input, "Lisboa\nDear reviewer");

        Assert.Equal(["Use a single line without control or text-direction characters."], await ErrorsFor(Manual, input, field));
    }

    [Fact]
    public async Task Manual_customer_unknown_country_code_gives_a_message()
    {
        var input = ValidCustomer();
        input.Country = "ZZ";

        Assert.Equal(["Choose a country from the list."], await ErrorsFor(Manual, input, nameof(ManualCustomerInput.Country)));
    }

    [Fact]
    public async Task Manual_customer_website_that_is_not_a_web_address_gives_a_message()
    {
        var input = ValidCustomer();
        input.Website = "javascript:alert(1)";

        Assert.Single(await ErrorsFor(Manual, input, nameof(ManualCustomerInput.Website)));
    }

    [Fact]
    public async Task Manual_customer_undefined_size_gives_a_message()
    {
        var input = ValidCustomer();
        input.Size = (CompanySize)42;

        Assert.Equal(["Choose the company size."], await ErrorsFor(Manual, input, nameof(ManualCustomerInput.Size)));
    }

    private static readonly SharingStepValidator Sharing = new(Options.Create(new ProgrammeOptions()));

    [Fact]
    public async Task Sharing_without_a_yes_or_no_gives_a_message()
    {
        Assert.Equal(["Choose whether to share the deal with {0}'s sales team."], await ErrorsFor(Sharing, new SharingStepInput(), nameof(SharingStepInput.Share)));
    }

    [Fact]
    public async Task Sharing_help_with_a_private_deal_gives_a_message()
    {
        var input = new SharingStepInput { Share = false, Help = [HelpWanted.QuotesAndLicensing] };

        Assert.Single(await ErrorsFor(Sharing, input, nameof(SharingStepInput.Share)));
    }

    [Fact]
    public async Task Sharing_help_with_a_shared_deal_is_accepted()
    {
        var input = new SharingStepInput { Share = true, Help = [HelpWanted.QuotesAndLicensing, HelpWanted.ProofOfConceptOrDemo] };

        Assert.True((await Sharing.ValidateAsync(input, TestContext.Current.CancellationToken)).IsValid);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(64)]
    public async Task Sharing_help_that_is_not_a_single_known_kind_gives_a_message(int value)
    {
        var input = new SharingStepInput { Share = true, Help = [(HelpWanted)value] };

        Assert.Equal(["Choose the kinds of help from the list."], await ErrorsFor(Sharing, input, nameof(SharingStepInput.Help)));
    }
}
