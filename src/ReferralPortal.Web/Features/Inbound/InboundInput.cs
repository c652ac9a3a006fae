using FluentValidation;
using Microsoft.Extensions.Options;
using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Web.Infrastructure;

namespace ReferralPortal.Web.Features.Inbound;

/// <summary>What a reviewer enters to send a referral to a partner.</summary>
public sealed class InboundInput
{
    public int? PartnerId { get; set; }

    public int? CustomerId { get; set; }

    public int? SolutionId { get; set; }

    public string? ContactFirstName { get; set; }

    public string? ContactLastName { get; set; }

    public string? ContactEmail { get; set; }

    public string? ContactPhone { get; set; }

    public string? ContactJobTitle { get; set; }

    public string? Name { get; set; }

    public decimal? Value { get; set; }

    public string? Currency { get; set; }

    /// <summary>Empty means the customer's country.</summary>
    public string? LocationCountry { get; set; }

    public DateOnly? EstimatedCloseDate { get; set; }

    public bool ContainsPlaceholderData { get; set; }

    public string? Notes { get; set; }
}

/// <summary>The field rules of SPEC 2 for an inbound referral (the domain checks them again).</summary>
public sealed class InboundInputValidator : AbstractValidator<InboundInput>
{
    public InboundInputValidator(IOptions<ProgrammeOptions> programme, TimeProvider clock)
    {
        var currencies = programme.Value.OfferedCurrencies;
        RuleFor(x => x.PartnerId).NotNull().WithMessage("Choose the partner to send the referral to.");
        RuleFor(x => x.CustomerId).NotNull().WithMessage("Choose the customer.");
        // Counted as the domain counts it: without the spaces around the name.
        RuleFor(x => x.Name).NotEmpty().WithMessage("Enter the deal name.")
            .Must(n => n is null || n.Trim().Length is >= 3 and <= 200).WithMessage("Deal name must be between 3 and 200 characters.");
        RuleFor(x => x.Value).NotNull().WithMessage("Enter the estimated value.")
            .GreaterThan(0).WithMessage("Estimated value must be more than 0.")
            .LessThanOrEqualTo(DealDetails.MaxValue).WithMessage("Estimated value must be at most 1,000,000,000.")
            .Must(v => v is null || decimal.Round(v.Value, 2) == v.Value).WithMessage("Estimated value can have at most 2 decimals.");
        RuleFor(x => x.Currency).NotEmpty().WithMessage("Choose a currency.")
            .Must(c => c is null || currencies.Contains(c)).WithMessage("Choose a currency from the list.");
        RuleFor(x => x.LocationCountry).Must(c => string.IsNullOrEmpty(c) || Countries.IsKnown(c)).WithMessage("Choose a country from the list.");
        RuleFor(x => x.EstimatedCloseDate).NotNull().WithMessage("Enter the estimated close date.")
            .Must(d => d is null || d.Value >= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("Estimated close date must be today or later.");
        RuleFor(x => x.Notes).MaximumLength(DealDetails.MaxNotesLength).WithMessage("Notes must be at most 2000 characters.");
        RuleFor(x => x.Notes).NotEmpty().When(x => x.ContainsPlaceholderData).WithMessage("Explain in the notes why the deal contains placeholder data.");
        RuleFor(x => x.ContactEmail).EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.ContactEmail)).WithMessage("Enter a valid e-mail address.")
            .MaximumLength(254).WithMessage("Email must be at most 254 characters.");
        RuleFor(x => x.ContactFirstName).MaximumLength(100).WithMessage("First name must be at most 100 characters.");
        RuleFor(x => x.ContactLastName).MaximumLength(100).WithMessage("Last name must be at most 100 characters.");
        RuleFor(x => x.ContactPhone).MaximumLength(40).WithMessage("Phone must be at most 40 characters.");
        RuleFor(x => x.ContactJobTitle).MaximumLength(100).WithMessage("Job title must be at most 100 characters.");
    }
}
