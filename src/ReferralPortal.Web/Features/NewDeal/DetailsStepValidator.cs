using FluentValidation;
using Microsoft.Extensions.Options;
using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Web.Infrastructure;

namespace ReferralPortal.Web.Features.NewDeal;

/// <summary>Step 3: the rules of SPEC section 2 for a new deal, plus "only your own published solutions".</summary>
public sealed class DetailsStepValidator : AbstractValidator<DetailsStepInput>
{
    public const int MinPlaceholderExplanation = 10;

    public DetailsStepValidator(TimeProvider clock, IOptions<ProgrammeOptions> programme, IPartnerSolutions solutions)
    {
        var currencies = programme.Value.OfferedCurrencies;
        RuleFor(x => x.Name).Must(n => (n?.Trim().Length ?? 0) is >= 3 and <= 200)
            .WithMessage("Enter a deal name of 3 to 200 characters.");
        RuleFor(x => x.Value).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Enter the estimated value.")
            .GreaterThan(0).WithMessage("Estimated value must be more than 0.")
            .LessThanOrEqualTo(DealDetails.MaxValue).WithMessage("Estimated value can be at most 1,000,000,000.")
            .Must(v => decimal.Round(v!.Value, 2) == v.Value).WithMessage("Estimated value can have at most 2 decimals.");
        RuleFor(x => x.Currency).Must(c => c is not null && currencies.Contains(c, StringComparer.Ordinal))
            .WithMessage("Choose a currency from the list.");
        RuleFor(x => x.LocationCountry).Must(Countries.IsKnown)
            .WithMessage("Choose the deal location from the list.");
        RuleFor(x => x.EstimatedCloseDate).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Enter the estimated close date.")
            .Must(d => d >= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("Estimated close date must be today or later.");
        RuleFor(x => x.Notes).Must(n => (n?.Trim().Length ?? 0) <= DealDetails.MaxNotesLength)
            .WithMessage("Notes can be at most 2,000 characters.");
        RuleFor(x => x.Notes).Must(n => (n?.Trim().Length ?? 0) >= MinPlaceholderExplanation)
            .When(x => x.ContainsPlaceholderData)
            .WithMessage("Explain in the notes why the deal contains placeholder data (at least 10 characters).");
        RuleFor(x => x.SolutionIds).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Choose at least one solution.")
            .MustAsync(async (ids, ct) =>
            {
                var allowed = await solutions.PublishedAsync(ct);
                return ids.All(id => allowed.Any(s => s.Id == id));
            }).WithMessage("Choose only your organisation's published solutions.");
    }
}
