using FluentValidation;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Web.Features.Deals;

namespace ReferralPortal.Web.Features.Solutions;

/// <summary>A partner admin's new or edited draft solution.</summary>
public sealed class SolutionInput
{
    public string? Name { get; set; }

    public string? Description { get; set; }
}

/// <summary>The programme admin's statuses for one solution.</summary>
public sealed class ProgrammeStatusInput
{
    public MarketplaceStatus Marketplace { get; set; }

    public bool CoSellReady { get; set; }

    public bool RegistrationEligible { get; set; }
}

public sealed class SolutionInputValidator : AbstractValidator<SolutionInput>
{
    public SolutionInputValidator()
    {
        RuleFor(x => x.Name).Cascade(CascadeMode.Stop).Must(n => (n?.Trim().Length ?? 0) is >= 2 and <= 200)
            .WithMessage("Enter a solution name of 2 to 200 characters.")
            .SingleLine();
        RuleFor(x => x.Description).Must(d => (d?.Trim().Length ?? 0) <= 1000)
            .WithMessage("The description can be at most 1,000 characters.");
    }
}

public sealed class ProgrammeStatusInputValidator : AbstractValidator<ProgrammeStatusInput>
{
    public ProgrammeStatusInputValidator()
    {
        RuleFor(x => x.Marketplace).IsInEnum().WithMessage("Choose a marketplace status from the list.");
        RuleFor(x => x.RegistrationEligible).Equal(false).When(x => !x.CoSellReady)
            .WithMessage("Only a co-sell ready solution can be registration eligible.");
    }
}
