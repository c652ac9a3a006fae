using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Tests.Builders;

namespace ReferralPortal.Domain.Tests.Deals;

/// <summary>SPEC 2: value bounds and precision, close date, placeholder data needs notes, notes length.</summary>
public sealed class DealDetailsTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DealBuilder.Now);

    private static DealDetails Valid() => DealBuilder.Details(DealBuilder.Now);

    [Theory]
    [InlineData("0.01")]
    [InlineData("125000.5")]
    [InlineData("999999999.99")]
    [InlineData("1000000000")]
    public void Value_above_zero_up_to_one_billion_with_two_decimals_is_accepted(string value)
    {
        var amount = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

        var details = (Valid() with { Value = amount }).Validated(Today);

        Assert.Equal(amount, details.Value);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("1000000000.01")]
    public void Value_outside_the_bounds_is_refused(string value)
    {
        var details = Valid() with { Value = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture) };

        var error = Assert.Throws<DomainException>(() => details.Validated(Today));

        Assert.Equal("Estimated value must be more than 0 and at most 1,000,000,000.", error.Message);
    }

    [Fact]
    public void Value_with_three_decimals_is_refused()
    {
        var details = Valid() with { Value = 10.005m };

        var error = Assert.Throws<DomainException>(() => details.Validated(Today));

        Assert.Equal("Estimated value can have at most 2 decimals.", error.Message);
    }

    [Fact]
    public void Value_written_with_trailing_zeros_is_accepted()
    {
        var details = (Valid() with { Value = 10.500m }).Validated(Today);

        Assert.Equal(10.5m, details.Value);
    }

    [Fact]
    public void Close_date_today_is_accepted()
    {
        var details = (Valid() with { EstimatedCloseDate = Today }).Validated(Today);

        Assert.Equal(Today, details.EstimatedCloseDate);
    }

    [Fact]
    public void Close_date_in_the_past_is_refused()
    {
        var details = Valid() with { EstimatedCloseDate = Today.AddDays(-1) };

        var error = Assert.Throws<DomainException>(() => details.Validated(Today));

        Assert.Equal("Estimated close date must be today or later.", error.Message);
    }

    [Fact]
    public void Close_date_in_the_past_is_accepted_when_no_today_bound_is_given()
    {
        var details = (Valid() with { EstimatedCloseDate = Today.AddDays(-30) }).Validated(null);

        Assert.Equal(Today.AddDays(-30), details.EstimatedCloseDate);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("dummy")]
    [InlineData("  123456789  ")]
    public void Placeholder_data_without_an_explanation_of_the_minimum_length_is_refused(string? notes)
    {
        var details = Valid() with { ContainsPlaceholderData = true, Notes = notes };

        var error = Assert.Throws<DomainException>(() => details.Validated(Today));

        Assert.Equal("Explain in the notes why the deal contains placeholder data (at least 10 characters).", error.Message);
    }

    [Fact]
    public void Placeholder_data_explained_in_exactly_the_minimum_length_is_accepted()
    {
        var notes = new string('x', DealDetails.MinPlaceholderExplanation);

        var details = (Valid() with { ContainsPlaceholderData = true, Notes = notes }).Validated(Today);

        Assert.Equal(notes, details.Notes);
    }

    [Fact]
    public void Placeholder_data_explained_in_the_notes_is_accepted()
    {
        var details = (Valid() with { ContainsPlaceholderData = true, Notes = "Contact is a placeholder until procurement confirms." }).Validated(Today);

        Assert.True(details.ContainsPlaceholderData);
    }

    [Fact]
    public void Notes_of_exactly_2000_characters_are_accepted()
    {
        var details = (Valid() with { Notes = new string('n', 2000) }).Validated(Today);

        Assert.Equal(2000, details.Notes!.Length);
    }

    [Fact]
    public void Notes_over_2000_characters_are_refused()
    {
        var details = Valid() with { Notes = new string('n', 2001) };

        Assert.Throws<DomainException>(() => details.Validated(Today));
    }

    [Fact]
    public void Blank_notes_without_placeholder_data_are_stored_as_none()
    {
        var details = (Valid() with { Notes = "   " }).Validated(Today);

        Assert.Null(details.Notes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ab")]
    public void Deal_name_shorter_than_three_characters_is_refused(string name)
    {
        Assert.Throws<DomainException>(() => (Valid() with { Name = name }).Validated(Today));
    }

    [Fact]
    public void Deal_name_over_200_characters_is_refused()
    {
        Assert.Throws<DomainException>(() => (Valid() with { Name = new string('d', 201) }).Validated(Today));
    }

    [Theory]
    [InlineData("")]
    [InlineData("EU")]
    [InlineData("EURO")]
    [InlineData("E1R")]
    public void Currency_that_is_not_a_three_letter_code_is_refused(string currency)
    {
        Assert.Throws<DomainException>(() => (Valid() with { Currency = currency }).Validated(Today));
    }

    [Fact]
    public void Name_currency_and_country_are_normalised()
    {
        var details = (Valid() with { Name = "  Rollout  ", Currency = " gbp ", LocationCountry = "gb" }).Validated(Today);

        Assert.Equal(("Rollout", "GBP", "GB"), (details.Name, details.Currency, details.LocationCountry));
    }

    [Theory]
    [InlineData("")]
    [InlineData("XX")]
    [InlineData("PRT")]
    public void Deal_location_that_is_not_a_known_country_is_refused(string country)
    {
        Assert.Throws<DomainException>(() => (Valid() with { LocationCountry = country }).Validated(Today));
    }
}
