using System.Globalization;
using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Customers;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Tests.Builders;

namespace ReferralPortal.Domain.Tests;

/// <summary>A refusal built from values keeps its template and arguments, so the web can say it in the user's language.</summary>
public sealed class RefusalTemplateTests
{
    [Fact]
    public void Text_out_of_bounds_is_refused_with_the_template_the_field_and_the_bounds()
    {
        var error = Assert.Throws<DomainException>(() =>
            new Customer(new string('x', 201), "PT", "Rua Augusta 1", "Lisboa", "1100-048", "Retail", CompanySize.Medium, null, true));

        Assert.Equal("{0} must be between {1} and {2} characters.", error.Template);
        Assert.Equal(["Company name", 2, 200], error.Args);
        Assert.Equal("Company name must be between 2 and 200 characters.", error.Message);
    }

    [Fact]
    public void Optional_text_too_long_is_refused_with_the_template_the_field_and_the_limit()
    {
        var error = Assert.Throws<DomainException>(() => new DealContact(null, null, null, new string('1', 41), null));

        Assert.Equal("{0} must be at most {1} characters.", error.Template);
        Assert.Equal(["Phone", 40], error.Args);
        Assert.Equal("Phone must be at most 40 characters.", error.Message);
    }

    [Fact]
    public void English_message_is_formatted_invariantly_whatever_the_current_culture()
    {
        var details = DealBuilder.Details(DealBuilder.Now) with { Value = 0m };
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("pt-PT");
        try
        {
            var error = Assert.Throws<DomainException>(() => details.Validated(null));

            Assert.Equal("Estimated value must be more than 0 and at most {0:N0}.", error.Template);
            Assert.Equal([DealDetails.MaxValue], error.Args);
            Assert.Equal("Estimated value must be more than 0 and at most 1,000,000,000.", error.Message);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void Refusal_without_values_has_its_sentence_as_template_and_no_arguments()
    {
        var deal = new DealBuilder().Build();

        var error = Assert.Throws<DomainException>(() => deal.Decline(Actors.Reviewer(), (CloseReason)999, null, DealBuilder.Later));

        Assert.Equal("Choose a reason from the list.", error.Template);
        Assert.Empty(error.Args);
        Assert.Equal(error.Template, error.Message);
    }

    [Fact]
    public void Not_allowed_refusal_keeps_its_sentence_as_template()
    {
        var deal = new DealBuilder().Build();

        var error = Assert.Throws<NotAllowedException>(() => deal.Accept(Actors.Named("owner-admin"), DealBuilder.Later));

        Assert.Equal("Only the vendor's reviewers can accept or decline this referral.", error.Template);
        Assert.Empty(error.Args);
    }
}
