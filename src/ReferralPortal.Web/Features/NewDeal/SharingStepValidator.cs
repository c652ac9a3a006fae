using FluentValidation;
using ReferralPortal.Domain.Deals;

namespace ReferralPortal.Web.Features.NewDeal;

/// <summary>Step 4: a yes/no on sharing, known kinds of help, and help only when shared.</summary>
public sealed class SharingStepValidator : AbstractValidator<SharingStepInput>
{
    public SharingStepValidator()
    {
        RuleFor(x => x.Share).NotNull().WithMessage("Choose whether to share the deal with the vendor's sales team.");
        RuleFor(x => x.Help).Must(h => h.All(k => k != HelpWanted.None && Enum.IsDefined(k)))
            .WithMessage("Choose the kinds of help from the list.");
        RuleFor(x => x.Share).Equal(true)
            .When(x => x.Help.Count > 0 && x.Share is not null)
            .WithMessage("Asking the vendor for help means sharing the deal: choose Yes, or clear the help you asked for.");
    }
}
