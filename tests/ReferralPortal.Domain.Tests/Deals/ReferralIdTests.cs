using ReferralPortal.Domain.Deals;

namespace ReferralPortal.Domain.Tests.Deals;

/// <summary>The human-readable referral ID (R-000123) and its parsing for search.</summary>
public sealed class ReferralIdTests
{
    [Theory]
    [InlineData(1, "R-000001")]
    [InlineData(123, "R-000123")]
    [InlineData(1234567, "R-1234567")]
    public void Format_pads_the_key_to_six_digits(int id, string expected)
    {
        Assert.Equal(expected, Deal.FormatReferralId(id));
    }

    [Theory]
    [InlineData("R-000123", 123)]
    [InlineData("r-123", 123)]
    [InlineData("  R-7  ", 7)]
    [InlineData("R-1234567", 1234567)]
    public void Parse_of_a_referral_id_gives_the_key(string text, int expected)
    {
        Assert.Equal(expected, Deal.ParseReferralId(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("R-")]
    [InlineData("R-0")]
    [InlineData("R-000000")]
    [InlineData("123")]
    [InlineData("X-123")]
    [InlineData("R123")]
    [InlineData("R--1")]
    [InlineData("R-+1")]
    [InlineData("R-12a")]
    [InlineData("R-1 2")]
    [InlineData("R-99999999999")]
    [InlineData("Retail analytics")]
    public void Parse_of_anything_else_gives_null(string? text)
    {
        Assert.Null(Deal.ParseReferralId(text));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(42)]
    [InlineData(int.MaxValue)]
    public void Parse_of_a_formatted_id_gives_the_same_key_back(int id)
    {
        Assert.Equal(id, Deal.ParseReferralId(Deal.FormatReferralId(id)));
    }
}
