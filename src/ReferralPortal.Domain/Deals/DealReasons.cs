namespace ReferralPortal.Domain.Deals;

/// <summary>The reason lists of SPEC 3 in the words users read; the activity log stores the enum name.</summary>
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

    /// <summary>The words for a reason as the activity log stores it (the enum name); free text passes through.</summary>
    public static string? Describe(string? stored) =>
        string.IsNullOrEmpty(stored) || int.TryParse(stored, out _) ? stored
        : Enum.TryParse<CloseReason>(stored, out var close) && Enum.IsDefined(close) ? Label(close)
        : Enum.TryParse<ErrorReason>(stored, out var error) && Enum.IsDefined(error) ? Label(error)
        : stored;
}
