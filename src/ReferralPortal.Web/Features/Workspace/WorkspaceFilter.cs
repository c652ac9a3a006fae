using System.Globalization;
using FluentValidation;
using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Organisations;

namespace ReferralPortal.Web.Features.Workspace;

/// <summary>The workspace's query string as typed (or tampered with); every value is text so nothing fails to bind.</summary>
public sealed class WorkspaceFilterInput
{
    public string? Country { get; set; }

    public string? Customer { get; set; }

    public string? Type { get; set; }

    public string? Solution { get; set; }

    public string? Status { get; set; }

    public string? Registration { get; set; }

    /// <summary>The sales stage (Active and Won deals).</summary>
    public string? Stage { get; set; }

    /// <summary>"Assigned to me": "me" keeps the deals whose team includes the current user (for vendor users: assigned to them as reviewer); "unassigned" (vendor users) the deals no reviewer is assigned to.</summary>
    public string? Assigned { get; set; }

    /// <summary>The partner organisation (vendor users only).</summary>
    public string? Partner { get; set; }

    /// <summary>"possible": only deals marked Possible conflict (vendor users only).</summary>
    public string? Conflict { get; set; }

    public string? Q { get; set; }

    public string? Sort { get; set; }

    public string? Dir { get; set; }

    public string? Page { get; set; }

    public string? PageSize { get; set; }
}

/// <summary>The columns a workspace table sorts by (the query string's <c>sort</c> values, case-insensitive).</summary>
public enum SortColumn
{
    Name,
    Customer,

    /// <summary>The owner partner's name (the vendor's tabs only, issue 19).</summary>
    Partner,
    Country,
    Value,
    Status,
    Type,
    Registration,
    Stage,
    ReviewDue,
    Solutions,
    Updated,
}

/// <summary>
/// The filter, sort and page of one workspace view after parsing. Values that did not parse are left out
/// (the validator says which), so a bad link still shows the nearest valid view.
/// </summary>
public sealed record WorkspaceFilter(
    string? Country,
    int? CustomerId,
    DealType? Type,
    int? SolutionId,
    DealStatus? Status,
    RegistrationStatus? Registration,
    string? Search,
    SortColumn? Sort,
    bool Descending,
    int Page,
    int PageSize)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;
    public const int MaxSearchLength = 100;

    public const string AssignedToMeValue = "me";

    public const string UnassignedValue = "unassigned";

    public const string PossibleConflictValue = "possible";

    public static WorkspaceFilter Default { get; } = new(null, null, null, null, null, null, null, null, false, 1, DefaultPageSize);

    /// <summary>The sales stage of Active and Won deals.</summary>
    public SalesStage? Stage { get; init; }

    /// <summary>Only the deals whose team includes the current user.</summary>
    public bool AssignedToMe { get; init; }

    /// <summary>Only the deals no reviewer is assigned to (vendor users).</summary>
    public bool Unassigned { get; init; }

    /// <summary>Only this partner's deals (vendor users).</summary>
    public int? PartnerId { get; init; }

    /// <summary>Only the deals marked Possible conflict (vendor users).</summary>
    public bool PossibleConflict { get; init; }

    public bool HasFilters => Country is not null || CustomerId is not null || Type is not null || SolutionId is not null
        || Status is not null || Registration is not null || Search is not null || Stage is not null || AssignedToMe
        || Unassigned || PartnerId is not null || PossibleConflict;

    public int Skip => (Page - 1) * PageSize;

    /// <summary>Whether this actor's tabs have the sorted column: the Partner column is the vendor's only.</summary>
    public static bool SortsFor(Actor actor, SortColumn? sort) => sort != SortColumn.Partner || actor.IsVendor;

    public static WorkspaceFilter From(WorkspaceFilterInput input)
    {
        var country = Blank(input.Country)?.ToUpperInvariant();
        var search = Blank(input.Q);
        var pageSize = ParsePositive(input.PageSize) ?? DefaultPageSize;
        return new WorkspaceFilter(
            Countries.IsKnown(country) ? country : null,
            ParsePositive(input.Customer),
            ParseEnum<DealType>(input.Type),
            ParsePositive(input.Solution),
            ParseEnum<DealStatus>(input.Status),
            ParseEnum<RegistrationStatus>(input.Registration),
            search is { Length: > MaxSearchLength } ? search[..MaxSearchLength] : search,
            ParseEnum<SortColumn>(input.Sort),
            string.Equals(Blank(input.Dir), "desc", StringComparison.OrdinalIgnoreCase),
            ParsePositive(input.Page) ?? 1,
            Math.Min(pageSize, MaxPageSize))
        {
            Stage = ParseEnum<SalesStage>(input.Stage),
            AssignedToMe = IsAssignedToMe(input.Assigned),
            Unassigned = IsUnassigned(input.Assigned),
            PartnerId = ParsePositive(input.Partner),
            PossibleConflict = string.Equals(Blank(input.Conflict), PossibleConflictValue, StringComparison.OrdinalIgnoreCase),
        };
    }

    internal static bool IsAssignedToMe(string? text) =>
        string.Equals(Blank(text), AssignedToMeValue, StringComparison.OrdinalIgnoreCase);

    internal static bool IsUnassigned(string? text) =>
        string.Equals(Blank(text), UnassignedValue, StringComparison.OrdinalIgnoreCase);

    /// <summary>This view as query-string pairs (only what differs from the defaults), with <paramref name="change"/> applied.</summary>
    public IEnumerable<KeyValuePair<string, string?>> ToQuery(Func<WorkspaceFilter, WorkspaceFilter>? change = null)
    {
        var f = change is null ? this : change(this);
        var pairs = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value)
        {
            if (value is not null)
            {
                pairs.Add(new(key, value));
            }
        }

        Add("country", f.Country);
        Add("customer", f.CustomerId?.ToString(CultureInfo.InvariantCulture));
        Add("type", f.Type?.ToString());
        Add("solution", f.SolutionId?.ToString(CultureInfo.InvariantCulture));
        Add("status", f.Status?.ToString());
        Add("registration", f.Registration?.ToString());
        Add("stage", f.Stage?.ToString());
        Add("assigned", f.AssignedToMe ? AssignedToMeValue : f.Unassigned ? UnassignedValue : null);
        Add("partner", f.PartnerId?.ToString(CultureInfo.InvariantCulture));
        Add("conflict", f.PossibleConflict ? PossibleConflictValue : null);
        Add("q", f.Search);
        Add("sort", f.Sort?.ToString());
        Add("dir", f.Sort is null ? null : f.Descending ? "desc" : "asc");
        Add("page", f.Page == 1 ? null : f.Page.ToString(CultureInfo.InvariantCulture));
        Add("pageSize", f.PageSize == DefaultPageSize ? null : f.PageSize.ToString(CultureInfo.InvariantCulture));
        return pairs;
    }

    /// <summary>The query string (with a leading "?", or empty) for this view with <paramref name="change"/> applied.</summary>
    public string QueryString(Func<WorkspaceFilter, WorkspaceFilter>? change = null)
    {
        var pairs = ToQuery(change).ToList();
        return pairs.Count == 0 ? string.Empty : Microsoft.AspNetCore.Http.QueryString.Create(pairs).ToUriComponent();
    }

    internal static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    internal static int? ParsePositive(string? text) =>
        int.TryParse(Blank(text), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

    // Names only: Enum.TryParse would also take "3" or "1,2", which are not values a link should carry.
    internal static T? ParseEnum<T>(string? text)
        where T : struct, Enum =>
        Blank(text) is { } t && Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, t, StringComparison.OrdinalIgnoreCase)) is { } name
            ? Enum.Parse<T>(name)
            : null;
}

/// <summary>Says which query-string values were not understood; the view then leaves them out and shows these messages.</summary>
public sealed class WorkspaceFilterInputValidator : AbstractValidator<WorkspaceFilterInput>
{
    public WorkspaceFilterInputValidator()
    {
        RuleFor(x => x.Country).Must(c => Countries.IsKnown(WorkspaceFilter.Blank(c)?.ToUpperInvariant()))
            .When(x => WorkspaceFilter.Blank(x.Country) is not null).WithMessage("Unknown country; showing all countries.");
        RuleFor(x => x.Customer).Must(Positive)
            .When(x => WorkspaceFilter.Blank(x.Customer) is not null).WithMessage("Unknown customer; showing all customers.");
        RuleFor(x => x.Solution).Must(Positive)
            .When(x => WorkspaceFilter.Blank(x.Solution) is not null).WithMessage("Unknown solution; showing all solutions.");
        RuleFor(x => x.Type).Must(Known<DealType>)
            .When(x => WorkspaceFilter.Blank(x.Type) is not null).WithMessage("Unknown deal type; showing all deal types.");
        RuleFor(x => x.Status).Must(Known<DealStatus>)
            .When(x => WorkspaceFilter.Blank(x.Status) is not null).WithMessage("Unknown status; showing all statuses.");
        RuleFor(x => x.Registration).Must(Known<RegistrationStatus>)
            .When(x => WorkspaceFilter.Blank(x.Registration) is not null).WithMessage("Unknown registration status; showing all registration statuses.");
        RuleFor(x => x.Stage).Must(Known<SalesStage>)
            .When(x => WorkspaceFilter.Blank(x.Stage) is not null).WithMessage("Unknown sales stage; showing all stages.");
        RuleFor(x => x.Assigned).Must(a => WorkspaceFilter.IsAssignedToMe(a) || WorkspaceFilter.IsUnassigned(a))
            .When(x => WorkspaceFilter.Blank(x.Assigned) is not null).WithMessage("Assigned to me takes the value \"me\"; showing everyone's deals.");
        RuleFor(x => x.Partner).Must(Positive)
            .When(x => WorkspaceFilter.Blank(x.Partner) is not null).WithMessage("Unknown partner; showing all partners.");
        RuleFor(x => x.Conflict).Must(c => string.Equals(WorkspaceFilter.Blank(c), WorkspaceFilter.PossibleConflictValue, StringComparison.OrdinalIgnoreCase))
            .When(x => WorkspaceFilter.Blank(x.Conflict) is not null).WithMessage("Unknown conflict filter; showing every deal.");
        RuleFor(x => x.Q).MaximumLength(WorkspaceFilter.MaxSearchLength)
            .WithMessage($"Search text is limited to {WorkspaceFilter.MaxSearchLength} characters; the rest was left out.");
        RuleFor(x => x.Sort).Must(Known<SortColumn>)
            .When(x => WorkspaceFilter.Blank(x.Sort) is not null).WithMessage("Unknown sort column; showing the default order.");
        RuleFor(x => x.Dir).Must(d => d!.Trim().ToLowerInvariant() is "asc" or "desc")
            .When(x => WorkspaceFilter.Blank(x.Dir) is not null).WithMessage("Sort direction is asc or desc; showing ascending.");
        RuleFor(x => x.Page).Must(Positive)
            .When(x => WorkspaceFilter.Blank(x.Page) is not null).WithMessage("Page must be a whole number from 1; showing the first page.");
        RuleFor(x => x.PageSize).Must(p => WorkspaceFilter.ParsePositive(p) is <= WorkspaceFilter.MaxPageSize)
            .When(x => WorkspaceFilter.Blank(x.PageSize) is not null)
            .WithMessage($"Page size is 1 to {WorkspaceFilter.MaxPageSize}; showing the nearest allowed size.");
    }

    private static bool Positive(string? text) => WorkspaceFilter.ParsePositive(text) is not null;

    private static bool Known<T>(string? text)
        where T : struct, Enum => WorkspaceFilter.ParseEnum<T>(text) is not null;
}
