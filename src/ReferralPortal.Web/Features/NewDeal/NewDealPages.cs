using ReferralPortal.Domain.Deals;

namespace ReferralPortal.Web.Features.NewDeal;

/// <summary>Step 1: the search (a plain GET form), its matches, the manual form and the current choice.</summary>
public sealed record CustomerStepPage(
    Guid? DraftId,
    string Country,
    string? Name,
    bool Searched,
    IReadOnlyList<CustomerMatch> Matches,
    bool ShowManual,
    ManualCustomerInput Manual,
    string? SelectedCustomer);

public sealed record ContactStepPage(Guid DraftId, string CustomerName, ContactStepInput Input);

public sealed record DetailsStepPage(Guid DraftId, string CustomerName, DetailsStepInput Input, IReadOnlyList<SolutionChoice> Solutions, IReadOnlyList<string> Currencies);

/// <summary>Step 4: the sharing choice, what each choice means for these solutions, and a summary of every step.</summary>
public sealed record SharingStepPage(
    Guid DraftId,
    SharingStepInput Input,
    NewDealState State,
    CustomerMatch? Customer,
    IReadOnlyList<SolutionChoice> ChosenSolutions,
    string VendorName,
    int ReviewWindowDays)
{
    /// <summary>SPEC 4: a co-sell deal is eligible when an attached solution is registration eligible.</summary>
    public IReadOnlyList<SolutionChoice> EligibleSolutions => [.. ChosenSolutions.Where(s => s.RegistrationEligible)];

    public static IReadOnlyList<HelpWanted> HelpKinds { get; } = [.. Enum.GetValues<HelpWanted>().Where(h => h != HelpWanted.None)];
}
