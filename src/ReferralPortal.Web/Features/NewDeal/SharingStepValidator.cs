using FluentValidation;
using Microsoft.Extensions.Options;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Web.Features.Deals;
using ReferralPortal.Web.Infrastructure;

namespace ReferralPortal.Web.Features.NewDeal;

/// <summary>Step 4: a yes/no on sharing, known kinds of help, and help only when shared; the vendor is named as configured.</summary>
public sealed class SharingStepValidator : AbstractValidator<SharingStepInput>
{
    public const string HelpNeedsSharing = "Asking {0} for help means sharing the deal: choose Yes, or clear the help you asked for.";

    public SharingStepValidator(IOptions<ProgrammeOptions> programme)
    {
        var vendor = programme.Value.VendorName;
        RuleFor(x => x.Share).NotNull().WithText("Choose whether to share the deal with {0}'s sales team.", vendor);
        RuleFor(x => x.Help).Must(h => h.All(k => k != HelpWanted.None && Enum.IsDefined(k)))
            .WithMessage("Choose the kinds of help from the list.");
        RuleFor(x => x.Share).Equal(true)
            .When(x => x.Help.Count > 0 && x.Share is not null)
            .WithText(HelpNeedsSharing, vendor);
    }
}
