using FluentValidation;
using Microsoft.Extensions.Options;
using ReferralPortal.Web.Features.Deals;
using ReferralPortal.Web.Infrastructure;

namespace ReferralPortal.Web.Features.NewDeal;

/// <summary>Step 3: the deal fields' one validator, with the partner's own published solutions and a location required.</summary>
public sealed class DetailsStepValidator : AbstractValidator<DetailsStepInput>
{
    public DetailsStepValidator(TimeProvider clock, IOptions<ProgrammeOptions> programme, IPartnerSolutions solutions)
    {
        Include(new DealFieldsValidator<DetailsStepInput>(clock, programme.Value.OfferedCurrencies, new DealSolutionsRule<DetailsStepInput>(
            Required: true,
            async (_, ct) => [.. (await solutions.PublishedAsync(ct)).Select(s => s.Id)],
            "Choose only your organisation's published solutions.")));

        // The wizard shows the customer's country as the default, so an empty location is a form that was tampered with.
        RuleFor(x => x.LocationCountry).NotEmpty().WithMessage("Choose the deal location from the list.");
    }
}
