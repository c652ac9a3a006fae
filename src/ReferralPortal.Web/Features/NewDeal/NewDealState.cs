using System.Text.Json.Serialization;
using ReferralPortal.Domain.Customers;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Web.Features.Deals;

namespace ReferralPortal.Web.Features.NewDeal;

/// <summary>
/// Everything the wizard has collected so far; serialised into the draft's payload after every step,
/// so it must stay a plain, forward-compatible bag of values (missing parts are simply null).
/// </summary>
public sealed class NewDealState
{
    public int? CustomerId { get; set; }

    public string? CustomerName { get; set; }

    public string? CustomerCountry { get; set; }

    public ContactStepInput? Contact { get; set; }

    public DetailsStepInput? Details { get; set; }

    public SharingStepInput? Sharing { get; set; }

    /// <summary>
    /// The steps really done: the draft's record, capped by what the state holds (a payload from an older
    /// wizard shape decodes empty, and must not let the user jump to a step that needs missing parts).
    /// </summary>
    public int CompletedSteps(int recorded) => Math.Min(recorded, CustomerId is null ? 0 : Details is null ? Math.Min(recorded, WizardSteps.Contact) : WizardSteps.Details);
}

/// <summary>Step 1, when the company is not in the directory: the customer entered by hand.</summary>
public sealed class ManualCustomerInput
{
    public string? Name { get; set; }

    public string? Country { get; set; }

    public string? AddressLine { get; set; }

    public string? City { get; set; }

    public string? PostalCode { get; set; }

    public string? Industry { get; set; }

    public CompanySize? Size { get; set; }

    public string? Website { get; set; }
}

/// <summary>Step 2: the optional customer contact.</summary>
public sealed class ContactStepInput : IContactFields
{
    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? JobTitle { get; set; }

    [JsonIgnore]
    public bool IsEmpty => string.IsNullOrWhiteSpace(FirstName) && string.IsNullOrWhiteSpace(LastName)
        && string.IsNullOrWhiteSpace(Email) && string.IsNullOrWhiteSpace(Phone) && string.IsNullOrWhiteSpace(JobTitle);
}

/// <summary>Step 3: the deal's own facts and the attached solutions.</summary>
public sealed class DetailsStepInput : IDealFields
{
    public string? Name { get; set; }

    public decimal? Value { get; set; }

    public string? Currency { get; set; }

    public string? LocationCountry { get; set; }

    public DateOnly? EstimatedCloseDate { get; set; }

    public bool ContainsPlaceholderData { get; set; }

    public string? Notes { get; set; }

    public List<int> SolutionIds { get; set; } = [];

    IReadOnlyCollection<int> IDealFields.SolutionIds => SolutionIds;
}

/// <summary>Step 4: help wanted from the vendor and whether to share (co-sell) or keep private.</summary>
public sealed class SharingStepInput
{
    public List<HelpWanted> Help { get; set; } = [];

    public bool? Share { get; set; }

    [JsonIgnore]
    public HelpWanted HelpFlags => Help.Aggregate(HelpWanted.None, (all, h) => all | h);
}
