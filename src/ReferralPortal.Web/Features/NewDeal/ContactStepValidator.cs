using FluentValidation;
using ReferralPortal.Web.Features.Deals;

namespace ReferralPortal.Web.Features.NewDeal;

/// <summary>Step 2: every field is optional; the contact fields' one validator checks what is given.</summary>
public sealed class ContactStepValidator : AbstractValidator<ContactStepInput>
{
    public ContactStepValidator() => Include(new ContactFieldsValidator<ContactStepInput>());
}
