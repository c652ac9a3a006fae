using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReferralPortal.Data;
using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Web.Features.NewDeal;
using ReferralPortal.Web.Infrastructure;

namespace ReferralPortal.Web.Features.Deals;

/// <summary>The Edit deal form: the deal's own fields and, while the deal is private, its customer contact.</summary>
public sealed class EditDealInput : IDealFields, IContactFields
{
    public string? Name { get; set; }

    public decimal? Value { get; set; }

    public string? Currency { get; set; }

    /// <summary>Never edited: the deal location is fixed at creation (the form does not send it).</summary>
    [BindNever]
    public string? LocationCountry { get; set; }

    public DateOnly? EstimatedCloseDate { get; set; }

    public bool ContainsPlaceholderData { get; set; }

    public string? Notes { get; set; }

    public List<int> SolutionIds { get; set; } = [];

    IReadOnlyCollection<int> IDealFields.SolutionIds => SolutionIds;

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? JobTitle { get; set; }

    /// <summary>Set by the page from the deal (an outbound deal keeps at least one solution), never bound from the form.</summary>
    [BindNever]
    public bool SolutionsRequired { get; set; }

    public static EditDealInput From(Deal d) => new()
    {
        Name = d.Name,
        Value = d.Value,
        Currency = d.Currency,
        EstimatedCloseDate = d.EstimatedCloseDate,
        ContainsPlaceholderData = d.ContainsPlaceholderData,
        Notes = d.Notes,
        SolutionIds = [.. d.Solutions.Select(s => s.Id).Order()],
        FirstName = d.Contact?.FirstName,
        LastName = d.Contact?.LastName,
        Email = d.Contact?.Email,
        Phone = d.Contact?.Phone,
        JobTitle = d.Contact?.JobTitle,
        SolutionsRequired = d.Direction == DealDirection.Outbound,
    };

    public DealContact Contact() => new(FirstName, LastName, Email, Phone, JobTitle);
}

/// <summary>The deal fields' one validator (shared with the wizard, the inbound form and the API) and the contact's.</summary>
public sealed class EditDealInputValidator : AbstractValidator<EditDealInput>
{
    public EditDealInputValidator(TimeProvider clock, IOptions<ProgrammeOptions> programme, IPartnerSolutions solutions)
    {
        Include(new DealFieldsValidator<EditDealInput>(clock, programme.Value.OfferedCurrencies, new DealSolutionsRule<EditDealInput>(
            Required: false,
            async (_, ct) => [.. (await solutions.PublishedAsync(ct)).Select(s => s.Id)],
            "Choose only your organisation's published solutions.")));
        RuleFor(x => x.SolutionIds).NotEmpty().When(x => x.SolutionsRequired).WithMessage("Choose at least one solution.");
        Include(new ContactFieldsValidator<EditDealInput>());
    }
}

/// <summary>
/// The Edit deal page. <see cref="Current"/> is the deal as it is now; <see cref="Input"/> what the form shows (the
/// deal's values, or what the user typed when the save was refused). After a conflict both are shown side by side.
/// </summary>
public sealed record EditDealPage(Deal Current, EditDealInput Input, IReadOnlyList<SolutionChoice> Solutions, IReadOnlyList<string> Currencies, int Version)
{
    /// <summary>The contact is editable while the deal is private; it locks once shared with the vendor.</summary>
    public bool ContactEditable => Current.SharedAt is null;

    /// <summary>The deal changed between the user's read and save: nothing was applied.</summary>
    public bool Conflict { get; init; }
}

/// <summary>Loads a deal for editing (refusing with the domain's reason) and applies the edit through <see cref="DealCommand"/>.</summary>
public sealed class DealEditor(ReferralsDbContext db, TimeProvider clock, IPartnerSolutions solutions, IOptions<ProgrammeOptions> programme, DealCommand command)
{
    /// <returns>The page, or null when the user cannot see the deal.</returns>
    /// <exception cref="NotAllowedException">The user sees the deal but may not edit it now.</exception>
    public async Task<EditDealPage?> PageAsync(Actor actor, int id, EditDealInput? typed, CancellationToken ct)
    {
        var deal = await db.Deals.AsNoTracking().AsSplitQuery()
            .Include(d => d.Customer).Include(d => d.Solutions).Include(d => d.Team)
            .FirstOrDefaultAsync(d => d.Id == id, ct);
        if (deal is null || !deal.IsVisibleTo(actor))
        {
            return null;
        }

        if (deal.WhyNot(DealAction.Edit, actor, clock.GetUtcNow().UtcDateTime) is { } whyNot)
        {
            throw new NotAllowedException(whyNot);
        }

        var input = typed ?? EditDealInput.From(deal);
        input.SolutionsRequired = deal.Direction == DealDirection.Outbound;
        return new EditDealPage(deal, input, await solutions.PublishedAsync(ct), programme.Value.OfferedCurrencies, deal.Version);
    }

    /// <summary>Applies the edit when the deal is still at <paramref name="version"/>; the contact only while private.</summary>
    public async Task<DealCommandOutcome> SaveAsync(int id, int? version, EditDealInput input, CancellationToken ct)
    {
        var ids = input.SolutionIds.Distinct().ToList();
        var attached = await db.Solutions.Where(s => ids.Contains(s.Id)).ToListAsync(ct);
        return await command.RunAsync(id, version, (deal, actor, now) =>
        {
            var details = new DealDetails(input.Name ?? string.Empty, input.Value ?? 0, input.Currency ?? string.Empty, deal.LocationCountry,
                input.EstimatedCloseDate ?? deal.EstimatedCloseDate, input.ContainsPlaceholderData, input.Notes);

            // A shared deal's form has no contact fields: its contact stays as it is.
            var contact = deal.SharedAt is null ? input.Contact() : deal.Contact;
            deal.Edit(actor, details, contact, attached, now);
        }, ct);
    }
}
