using FluentValidation;
using ReferralPortal.Domain.Common;
using ReferralPortal.Web.Features.Deals;

namespace ReferralPortal.Web.Features.NewDeal;

/// <summary>Step 1 (manual): the same limits the <see cref="Domain.Customers.Customer"/> entity enforces, as field messages.</summary>
public sealed class ManualCustomerValidator : AbstractValidator<ManualCustomerInput>
{
    public ManualCustomerValidator()
    {
        RuleFor(x => x.Name).Cascade(CascadeMode.Stop).Must(v => Trimmed(v).Length is >= 2 and <= 200)
            .WithMessage("Enter the company name (2 to 200 characters).")
            .SingleLine();
        RuleFor(x => x.Country).Must(c => Countries.IsKnown(c?.Trim().ToUpperInvariant()))
            .WithMessage("Choose a country from the list.");
        RuleFor(x => x.AddressLine).Cascade(CascadeMode.Stop).Must(v => Trimmed(v).Length is >= 2 and <= 200)
            .WithMessage("Enter the address (2 to 200 characters).")
            .SingleLine();
        RuleFor(x => x.City).Cascade(CascadeMode.Stop).Must(v => Trimmed(v).Length is >= 1 and <= 100)
            .WithMessage("Enter the city (up to 100 characters).")
            .SingleLine();
        RuleFor(x => x.PostalCode).Cascade(CascadeMode.Stop).Must(v => Trimmed(v).Length is >= 1 and <= 20)
            .WithMessage("Enter the postal code (up to 20 characters).")
            .SingleLine();
        RuleFor(x => x.Industry).Cascade(CascadeMode.Stop).Must(v => Trimmed(v).Length is >= 2 and <= 100)
            .WithMessage("Enter the industry (2 to 100 characters).")
            .SingleLine();
        RuleFor(x => x.Size).NotNull().WithMessage("Choose the company size.")
            .IsInEnum().WithMessage("Choose the company size.");
        RuleFor(x => x.Website).Must(BeAWebAddress!)
            .When(x => !string.IsNullOrWhiteSpace(x.Website))
            .WithMessage("Enter the website as a full address starting with https:// (up to 200 characters).");
    }

    private static string Trimmed(string? value) => value?.Trim() ?? string.Empty;

    private static bool BeAWebAddress(string website)
    {
        var w = website.Trim();
        return w.Length <= 200 && SingleLineText.IsValid(w) && Uri.TryCreate(w, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
    }
}
