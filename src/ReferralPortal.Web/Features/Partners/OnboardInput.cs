using FluentValidation;
using ReferralPortal.Domain.Common;
using ReferralPortal.Web.Features.Team;

namespace ReferralPortal.Web.Features.Partners;

/// <summary>Onboard partner: the organisation and the address of its first referral admin.</summary>
public sealed class OnboardInput
{
    public string? OrganisationName { get; set; }

    public string? Country { get; set; }

    public string? AdminEmail { get; set; }
}

public sealed class OnboardInputValidator : AbstractValidator<OnboardInput>
{
    public OnboardInputValidator()
    {
        RuleFor(x => x.OrganisationName).Must(n => (n?.Trim().Length ?? 0) is >= 2 and <= 200)
            .WithMessage("Enter an organisation name of 2 to 200 characters.");
        RuleFor(x => x.Country).Must(c => Countries.IsKnown(c?.Trim().ToUpperInvariant() ?? string.Empty))
            .WithMessage("Choose a country from the list.");
        RuleFor(x => x.AdminEmail).InvitableEmail();
    }
}
