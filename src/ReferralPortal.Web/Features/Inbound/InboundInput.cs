using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReferralPortal.Data;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Web.Features.Deals;
using ReferralPortal.Web.Infrastructure;

namespace ReferralPortal.Web.Features.Inbound;

/// <summary>What a reviewer enters to send a referral to a partner.</summary>
public sealed class InboundInput : IDealFields, IContactFields
{
    public int? PartnerId { get; set; }

    public int? CustomerId { get; set; }

    /// <summary>The customer picker's country (empty: every country).</summary>
    public string? CustomerCountry { get; set; }

    /// <summary>The customer picker's search text: the form lists the directory's matches, not all of it.</summary>
    public string? CustomerSearch { get; set; }

    public int? SolutionId { get; set; }

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? JobTitle { get; set; }

    public string? Name { get; set; }

    public decimal? Value { get; set; }

    public string? Currency { get; set; }

    /// <summary>Empty means the customer's country.</summary>
    public string? LocationCountry { get; set; }

    public DateOnly? EstimatedCloseDate { get; set; }

    public bool ContainsPlaceholderData { get; set; }

    public string? Notes { get; set; }

    IReadOnlyCollection<int> IDealFields.SolutionIds => SolutionId is int id ? [id] : [];
}

/// <summary>
/// The inbound form: a partner and a customer, then the deal and contact fields' one validators; the suggested
/// solution must be a published one of the chosen partner (shown next to the field, not after the domain refuses it).
/// </summary>
public sealed class InboundInputValidator : AbstractValidator<InboundInput>
{
    public InboundInputValidator(IOptions<ProgrammeOptions> programme, TimeProvider clock, ReferralsDbContext db)
    {
        RuleFor(x => x.PartnerId).NotNull().WithMessage("Choose the partner to send the referral to.");
        RuleFor(x => x.CustomerId).NotNull().WithMessage("Choose the customer.");
        Include(new DealFieldsValidator<InboundInput>(clock, programme.Value.OfferedCurrencies, new DealSolutionsRule<InboundInput>(
            Required: false,
            async (input, ct) => await db.Solutions.AsNoTracking()
                .Where(s => s.OrganisationId == input.PartnerId && s.MarketplaceStatus == MarketplaceStatus.Published)
                .Select(s => s.Id).ToListAsync(ct),
            "Suggest only published solutions of the chosen partner.",
            nameof(InboundInput.SolutionId))));
        Include(new ContactFieldsValidator<InboundInput>());
    }
}
