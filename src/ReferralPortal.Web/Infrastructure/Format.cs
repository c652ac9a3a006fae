using System.Globalization;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Web.Resources;

namespace ReferralPortal.Web.Infrastructure;

/// <summary>
/// How values read on every page: one place for labels, money and dates. Labels are English keys of
/// the shared resources, read in the current UI culture; numbers and dates follow the current culture.
/// </summary>
public static class Format
{
    public static string Money(decimal value, string currency)
    {
        var culture = CultureInfo.CurrentCulture;
        var nf = (NumberFormatInfo)culture.NumberFormat.Clone();
        nf.CurrencySymbol = currency switch { "USD" => "$", "EUR" => "€", "GBP" => "£", _ => currency + " " };
        return value.ToString("C2", nf);
    }

    public static string Date(DateTime utc) => utc.ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    public static string DateTime(DateTime utc) => utc.ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.CurrentCulture);

    /// <summary>A moment for machines (HTML <c>datetime</c>): ISO 8601 in UTC with milliseconds and <c>Z</c>, e.g. 2026-11-29T08:44:40.837Z.</summary>
    public static string IsoUtc(DateTime utc) =>
        System.DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The review countdown in words (<see cref="ReviewCountdown"/>): "n days left", "due today" or "overdue".</summary>
    public static string Countdown(ReviewCountdown? countdown) => countdown switch
    {
        null => "—",
        { IsOverdue: true } => SharedResource.Text("overdue"),
        { DaysLeft: 0 } => SharedResource.Text("due today"),
        { DaysLeft: 1 } => SharedResource.Text("1 day left"),
        { DaysLeft: var n } => SharedResource.Text("{0} days left", n),
    };

    /// <summary>The CSS class of a countdown: highlighted when due soon (<see cref="ReviewState.DueSoonDays"/>) or overdue.</summary>
    public static string CountdownClass(ReviewCountdown countdown) => countdown.IsDueSoon ? "days-left-soon" : "text-body-secondary";

    /// <summary>A share (0–1) as a whole percentage, e.g. 75%.</summary>
    public static string Percent(double share) => share.ToString("P0", CultureInfo.CurrentCulture);

    /// <summary>A duration in days with one decimal, e.g. 3.5 days.</summary>
    public static string Days(double days) => days == 1 ? SharedResource.Text("1 day") : SharedResource.Text("{0} days", days.ToString("0.#", CultureInfo.CurrentCulture));

    public static string Status(DealStatus s) => SharedResource.Text(s switch
    {
        DealStatus.ClosedAsError => "Closed as error",
        _ => s.ToString(),
    });

    public static string StatusClass(DealStatus s) => s switch
    {
        DealStatus.New => "text-bg-info",
        DealStatus.Active => "text-bg-primary",
        DealStatus.Won => "text-bg-success",
        DealStatus.Lost or DealStatus.Declined => "text-bg-danger",
        _ => "text-bg-secondary",
    };

    /// <summary>A sales stage with its probability: "Proposed (60 %)".</summary>
    public static string Stage(SalesStage s) => SharedResource.Text("{0} ({1} %)", StageName(s), SalesStages.Probability(s));

    public static string StageName(SalesStage s) => SharedResource.Text(s.ToString());

    public static string DealType(DealType t) => SharedResource.Text(t == Domain.Deals.DealType.CoSell ? "Co-sell" : "Private");

    public static string Marketplace(Domain.Organisations.MarketplaceStatus m) => SharedResource.Text(m == Domain.Organisations.MarketplaceStatus.Published ? "Published" : "Draft");

    public static string CoSell(Domain.Organisations.CoSellStatus c) => SharedResource.Text(c == Domain.Organisations.CoSellStatus.CoSellReady ? "Co-sell ready" : "Not co-sell ready");

    public static string DealTypeClass(DealType t) => t == Domain.Deals.DealType.CoSell ? "badge-cosell" : "badge-private";

    public static string RegistrationClass(RegistrationStatus r) => r switch
    {
        RegistrationStatus.Approved => "badge-reg-approved",
        RegistrationStatus.Submitted => "badge-reg-submitted",
        RegistrationStatus.Rejected => "badge-reg-rejected",
        _ => "badge-reg-none",
    };

    /// <summary>A country's name in the current UI culture from its ISO code ("DE" → "Germany" / "Alemanha").</summary>
    public static string Country(string code) => CountryNames.Of(code);

    /// <summary>A count that may have been capped: "1,234" or "10,000+".</summary>
    public static string Count(int count, bool capped) =>
        count.ToString("N0", CultureInfo.CurrentCulture) + (capped ? "+" : string.Empty);

    public static string Registration(RegistrationStatus r) => SharedResource.Text(r switch
    {
        RegistrationStatus.NotEligible => "Not eligible",
        RegistrationStatus.NotRegistered => "Not registered",
        _ => r.ToString(),
    });

    public static string Reason(CloseReason r) => SharedResource.Text(DealReasons.Label(r));

    public static string Reason(ErrorReason r) => SharedResource.Text(DealReasons.Label(r));

    /// <summary>A reason as the activity log stores it (the enum name), in words; free text passes through.</summary>
    public static string? Reason(string? stored) => DealReasons.Describe(stored) is { } words ? SharedResource.Text(words) : null;

    public static string Help(HelpWanted h) => SharedResource.Text(h switch
    {
        HelpWanted.WorkloadValueProposition => "Workload value proposition",
        HelpWanted.CustomerTechnicalArchitecture => "Customer technical architecture",
        HelpWanted.ProofOfConceptOrDemo => "Proof of concept / demo",
        HelpWanted.QuotesAndLicensing => "Quotes and licensing",
        HelpWanted.PostSalesCustomerSuccess => "Post-sales customer success",
        HelpWanted.GeneralOrOther => "General or other",
        _ => "None",
    });

    public static IEnumerable<string> HelpList(HelpWanted h) =>
        Enum.GetValues<HelpWanted>().Where(v => v != HelpWanted.None && h.HasFlag(v)).Select(Help);

    public static string Role(Domain.Organisations.PortalRole r) => SharedResource.Text(r switch
    {
        Domain.Organisations.PortalRole.ReferralAdmin => "Referral admin",
        Domain.Organisations.PortalRole.ReferralUser => "Referral user",
        Domain.Organisations.PortalRole.Reviewer => "Reviewer",
        _ => "Programme admin",
    });

    public static string Audit(Domain.People.AuditAction a) => SharedResource.Text(a switch
    {
        Domain.People.AuditAction.OrganisationOnboarded => "Organisation onboarded",
        Domain.People.AuditAction.OrganisationSuspended => "Organisation suspended",
        Domain.People.AuditAction.OrganisationReactivated => "Organisation reactivated",
        Domain.People.AuditAction.MemberInvited => "Member invited",
        Domain.People.AuditAction.MemberJoined => "Member joined",
        Domain.People.AuditAction.RoleChanged => "Role changed",
        Domain.People.AuditAction.MemberDeactivated => "Member deactivated",
        Domain.People.AuditAction.MemberReactivated => "Member reactivated",
        Domain.People.AuditAction.InvitationResent => "Invitation resent",
        Domain.People.AuditAction.InvitationRevoked => "Invitation revoked",
        Domain.People.AuditAction.SignedIn => "Signed in",
        Domain.People.AuditAction.SignInFailed => "Sign-in failed",
        Domain.People.AuditAction.LockedOut => "Locked out after failed attempts",
        Domain.People.AuditAction.SignedOut => "Signed out",
        Domain.People.AuditAction.SignedOutEverywhere => "Signed out everywhere",
        Domain.People.AuditAction.PasswordChanged => "Password changed",
        Domain.People.AuditAction.PasswordResetRequested => "Password reset requested",
        Domain.People.AuditAction.PasswordReset => "Password reset",
        Domain.People.AuditAction.TwoFactorEnabled => "Authenticator app set up",
        Domain.People.AuditAction.TwoFactorUsed => "Authentication code used",
        Domain.People.AuditAction.TwoFactorFailed => "Wrong authentication code",
        Domain.People.AuditAction.TwoFactorDisabled => "Authenticator app removed",
        Domain.People.AuditAction.RecoveryCodeUsed => "Recovery code used",
        _ => "Recovery codes renewed",
    });

    /// <summary>An audit entry's detail: a role ("ReferralUser"), or a role change ("ReferralUser>ReferralAdmin"), in words.</summary>
    public static string? AuditDetail(string? detail) => detail switch
    {
        null => null,
        _ when detail.Split('>') is [var from, var to] && Enum.TryParse<Domain.Organisations.PortalRole>(from, out var f) && Enum.TryParse<Domain.Organisations.PortalRole>(to, out var t) => $"{Role(f)} → {Role(t)}",
        _ when Enum.TryParse<Domain.Organisations.PortalRole>(detail, out var r) => Role(r),
        _ => detail,
    };
}
