namespace ReferralPortal.Domain.Deals;

/// <summary>The reason lists of SPEC 3 in the words users read; the activity log records these words.</summary>
public static class DealReasons
{
    public static string Label(CloseReason reason) => reason switch
    {
        CloseReason.BudgetNotAdequate => "Budget not adequate",
        CloseReason.CustomerDidNotRespond => "Customer didn't respond",
        CloseReason.ChoseAnotherVendor => "Chose another vendor",
        CloseReason.RequirementNotMet => "Requirement not met",
        CloseReason.NotACustomer => "Not a customer",
        CloseReason.TimelineTooShort => "Timeline too short",
        CloseReason.AbuseSpamPhishing => "Abuse/spam/phishing",
        _ => "Other",
    };

    public static string Label(ErrorReason reason) => reason switch
    {
        ErrorReason.Duplicate => "Duplicate",
        ErrorReason.TestReferral => "Test referral",
        ErrorReason.DataError => "Data error",
        ErrorReason.CustomerMatchingIssue => "Customer matching issue",
        _ => "Other",
    };
}
