namespace ReferralPortal.Domain.Deals;

public enum DealStatus
{
    New,
    Active,
    Won,
    Lost,
    Declined,
    Expired,
    ClosedAsError,

    /// <summary>The vendor withdrew an inbound referral it sent while it was New (issue 19).</summary>
    Withdrawn,
}

public enum DealType
{
    CoSell,
    Private,
}

/// <summary>Direction as seen by the owner partner.</summary>
public enum DealDirection
{
    /// <summary>The partner created it.</summary>
    Outbound,

    /// <summary>The vendor created it and sent it to the partner.</summary>
    Inbound,
}

public enum RegistrationStatus
{
    NotEligible,
    NotRegistered,
    Submitted,
    Approved,
    Rejected,
}

/// <summary>Reasons for Declined and Lost.</summary>
public enum CloseReason
{
    BudgetNotAdequate,
    CustomerDidNotRespond,
    ChoseAnotherVendor,
    RequirementNotMet,
    NotACustomer,
    TimelineTooShort,
    AbuseSpamPhishing,
    Other,
}

/// <summary>Reasons for Closed as error.</summary>
public enum ErrorReason
{
    Duplicate,
    TestReferral,
    DataError,
    CustomerMatchingIssue,
    Other,
}

/// <summary>Help a partner may ask of the vendor; any combination.</summary>
[Flags]
public enum HelpWanted
{
    None = 0,
    WorkloadValueProposition = 1,
    CustomerTechnicalArchitecture = 2,
    ProofOfConceptOrDemo = 4,
    QuotesAndLicensing = 8,
    PostSalesCustomerSuccess = 16,
    GeneralOrOther = 32,
}

public enum ActivityKind
{
    Created,
    Edited,
    Accepted,
    Declined,
    Expired,
    Won,
    Lost,
    ClosedAsError,
    UpgradedToCoSell,
    RegistrationSubmitted,
    RegistrationApproved,
    RegistrationRejected,
    NoteAdded,
    StageChanged,
    TeamMemberAdded,
    TeamMemberRemoved,
    ReviewerAssigned,
    Withdrawn,
}

/// <summary>What an activity entry about one field (an edit, a stage move, a team change) is about.</summary>
public enum DealField
{
    Name,
    Value,
    CloseDate,
    Placeholder,
    Notes,
    Solutions,
    Contact,
    Stage,
    Team,
    Reviewer,
}

/// <summary>Everything a user can do to a deal; the deal page shows those the domain allows now.</summary>
public enum DealAction
{
    Accept,
    Decline,
    MarkWon,
    MarkLost,
    CloseAsError,
    UpgradeToCoSell,
    SubmitRegistration,
    ApproveRegistration,
    RejectRegistration,
    Edit,
    AddNote,
    MoveStage,
    ManageTeam,
    AssignReviewer,
    Withdraw,
}
