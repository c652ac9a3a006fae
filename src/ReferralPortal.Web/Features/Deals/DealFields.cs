using FluentValidation;
using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Deals;

namespace ReferralPortal.Web.Features.Deals;

/// <summary>
/// The deal's own fields as any form or API input carries them (wizard step 3, the inbound form, the edit page).
/// An input model implements this and composes <see cref="DealFieldsValidator{T}"/> with <c>Include</c>, so every
/// writer checks the same rules with the domain's limits (<see cref="DealDetails"/>).
/// </summary>
public interface IDealFields
{
    string? Name { get; }

    decimal? Value { get; }

    string? Currency { get; }

    /// <summary>Empty means "the customer's country" where the writer allows it (see <see cref="DealFieldsValidator{T}"/>).</summary>
    string? LocationCountry { get; }

    DateOnly? EstimatedCloseDate { get; }

    bool ContainsPlaceholderData { get; }

    string? Notes { get; }

    /// <summary>The solutions attached (or suggested).</summary>
    IReadOnlyCollection<int> SolutionIds { get; }
}

/// <summary>The optional customer contact as any input carries it; validated by <see cref="ContactFieldsValidator{T}"/>.</summary>
public interface IContactFields
{
    string? FirstName { get; }

    string? LastName { get; }

    string? Email { get; }

    string? Phone { get; }

    string? JobTitle { get; }
}

/// <summary>
/// Which solutions a writer may attach: <paramref name="Allowed"/> answers with the ids allowed for this input;
/// <paramref name="Required"/> asks for at least one; <paramref name="Message"/> refuses any other id, shown next to
/// <paramref name="Field"/> (the input's own property, when it is not <c>SolutionIds</c>).
/// </summary>
public sealed record DealSolutionsRule<T>(
    bool Required,
    Func<T, CancellationToken, Task<IReadOnlyCollection<int>>> Allowed,
    string Message,
    string Field = nameof(IDealFields.SolutionIds));

/// <summary>
/// The one validator of deal fields (SPEC 2), for every writer: the wizard, the inbound form, the edit page, the API.
/// Limits are the domain's constants; the domain checks the same rules again when the deal is built.
/// </summary>
public sealed class DealFieldsValidator<T> : AbstractValidator<T>
    where T : IDealFields
{
    public DealFieldsValidator(TimeProvider clock, IReadOnlyCollection<string> currencies, DealSolutionsRule<T> solutions)
    {
        RuleFor(x => x.Name).Cascade(CascadeMode.Stop)
            .Must(n => (n?.Trim().Length ?? 0) is >= DealDetails.NameMinLength and <= DealDetails.NameMaxLength)
            .WithMessage("Enter a deal name of 3 to 200 characters.")
            .SingleLine();
        RuleFor(x => x.Value).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Enter the estimated value.")
            .GreaterThan(0).WithMessage("Estimated value must be more than 0.")
            .LessThanOrEqualTo(DealDetails.MaxValue).WithMessage("Estimated value can be at most 1,000,000,000.")
            .Must(v => DealDetails.HasAllowedPrecision(v!.Value)).WithMessage("Estimated value can have at most 2 decimals.");
        RuleFor(x => x.Currency).Must(c => c is not null && currencies.Contains(c, StringComparer.Ordinal))
            .WithMessage("Choose a currency from the list.");
        RuleFor(x => x.LocationCountry).Must(c => string.IsNullOrEmpty(c) || Countries.IsKnown(c))
            .WithMessage("Choose the deal location from the list.");
        RuleFor(x => x.EstimatedCloseDate).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Enter the estimated close date.")
            .Must(d => d >= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("Estimated close date must be today or later.");
        RuleFor(x => x.Notes).Must(n => (n?.Trim().Length ?? 0) <= DealDetails.MaxNotesLength)
            .WithMessage("Notes can be at most 2,000 characters.");
        RuleFor(x => x.Notes).Must(DealDetails.ExplainsPlaceholderData)
            .When(x => x.ContainsPlaceholderData)
            .WithMessage("Explain in the notes why the deal contains placeholder data (at least 10 characters).");
        RuleFor(x => x.SolutionIds).Cascade(CascadeMode.Stop)
            .NotEmpty().When(_ => solutions.Required, ApplyConditionTo.CurrentValidator).WithMessage("Choose at least one solution.")
            .MustAsync(async (input, ids, ct) => ids.Count == 0 || ids.All((await solutions.Allowed(input, ct)).Contains))
            .WithMessage(solutions.Message)
            .OverridePropertyName(solutions.Field);
    }
}

/// <summary>The one validator of the customer contact: every field optional, each within the domain's limits and formats.</summary>
public sealed class ContactFieldsValidator<T> : AbstractValidator<T>
    where T : IContactFields
{
    public ContactFieldsValidator()
    {
        RuleFor(x => x.FirstName).MaxTrimmed(DealContact.NameMaxLength, "First name can be at most 100 characters.").SingleLine();
        RuleFor(x => x.LastName).MaxTrimmed(DealContact.NameMaxLength, "Last name can be at most 100 characters.").SingleLine();
        RuleFor(x => x.JobTitle).MaxTrimmed(DealContact.JobTitleMaxLength, "Job title can be at most 100 characters.").SingleLine();
        RuleFor(x => x.Email)
            .Must(e => e!.Trim().Length <= DealContact.EmailMaxLength && DealContact.IsWellFormedEmail(e))
            .When(x => !string.IsNullOrWhiteSpace(x.Email))
            .WithMessage("Enter a valid email address, like name@company.com.");
        RuleFor(x => x.Phone)
            .Must(p => p!.Trim().Length <= DealContact.PhoneMaxLength && DealContact.IsWellFormedPhone(p))
            .When(x => !string.IsNullOrWhiteSpace(x.Phone))
            .WithMessage("Enter a valid phone number: digits, spaces, brackets or dashes, optionally starting with +.");
    }
}

/// <summary>Rule pieces the field validators share.</summary>
public static class FieldRules
{
    /// <summary>Refuses line breaks, control and text-direction characters (<see cref="SingleLineText"/>).</summary>
    public static IRuleBuilderOptions<T, string?> SingleLine<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(SingleLineText.IsValid).WithMessage("Use a single line without control or text-direction characters.");

    /// <summary>At most <paramref name="max"/> characters, counted as the domain counts them: without surrounding spaces.</summary>
    public static IRuleBuilderOptions<T, string?> MaxTrimmed<T>(this IRuleBuilder<T, string?> rule, int max, string message) =>
        rule.Must(v => (v?.Trim().Length ?? 0) <= max).WithMessage(message);
}
