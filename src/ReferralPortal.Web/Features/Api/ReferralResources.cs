using System.ComponentModel;
using System.Globalization;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Organisations;

namespace ReferralPortal.Web.Features.Api;

/// <summary>Money as the API writes it: the amount as a decimal string with two places, and the ISO 4217 code.</summary>
[Description("An amount of money: the amount as a decimal string (two places) and the ISO 4217 currency code.")]
public sealed record Money(string Amount, string Currency)
{
    public static Money Of(decimal amount, string currency) => new(amount.ToString("0.00", CultureInfo.InvariantCulture), currency);
}

public sealed record CustomerSummary(int Id, string Name, string Country);

public sealed record SolutionSummary(int Id, string Name);

public sealed record ContactResource(string? FirstName, string? LastName, string? Email, string? Phone, string? JobTitle);

/// <summary>A referral (deal) as the API shows it; the ETag header carries its version.</summary>
public sealed record ReferralResource(
    int Id,
    string ReferralId,
    string Name,
    DealDirection Direction,
    DealType DealType,
    DealStatus Status,
    RegistrationStatus RegistrationStatus,
    CustomerSummary Customer,
    ContactResource? Contact,
    Money Value,
    string LocationCountry,
    DateOnly EstimatedCloseDate,
    bool ContainsPlaceholderData,
    string? Notes,
    IReadOnlyList<HelpWanted> HelpWanted,
    IReadOnlyList<SolutionSummary> Solutions,
    DateTime? SharedAt,
    DateTime? ReviewDueAt,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static ReferralResource Of(Deal d) => new(
        d.Id,
        d.ReferralId,
        d.Name,
        d.Direction,
        d.DealType,
        d.Status,
        d.RegistrationStatus,
        new CustomerSummary(d.Customer.Id, d.Customer.Name, d.Customer.Country),
        d.Contact is { } c ? new ContactResource(c.FirstName, c.LastName, c.Email, c.Phone, c.JobTitle) : null,
        Money.Of(d.Value, d.Currency),
        d.LocationCountry,
        d.EstimatedCloseDate,
        d.ContainsPlaceholderData,
        d.Notes,
        HelpFlags(d.HelpWanted),
        [.. d.Solutions.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => new SolutionSummary(s.Id, s.Name))],
        Utc(d.SharedAt),
        Utc(d.ReviewDueAt),
        Utc(d.CreatedAt),
        Utc(d.UpdatedAt));

    public static IReadOnlyList<HelpWanted> HelpFlags(HelpWanted help) =>
        [.. Enum.GetValues<HelpWanted>().Where(h => h != Domain.Deals.HelpWanted.None && help.HasFlag(h))];

    /// <summary>The database hands dates back without a kind; every stored date is UTC.</summary>
    public static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    public static DateTime? Utc(DateTime? value) => value is { } v ? Utc(v) : null;
}

/// <summary>One page of referrals and the link to the next (absent on the last page).</summary>
public sealed record ReferralPage(IReadOnlyList<ReferralResource> Items, string? NextCursor, string? Next);

public sealed record ActivityResource(
    long Id,
    ActivityKind Kind,
    DateTime At,
    string ActorName,
    DealStatus? FromStatus,
    DealStatus? ToStatus,
    string? Reason,
    string? Comment,
    DealField? Field,
    string? OldValue,
    string? NewValue);

public sealed record SolutionResource(int Id, int OrganisationId, string Name, string? Description, MarketplaceStatus MarketplaceStatus, CoSellStatus CoSellStatus, bool RegistrationEligible);

public sealed record CustomerResource(int Id, string Name, string Country, string City, string Industry, bool AddedManually);

/// <summary>Money as a request carries it; the amount may be a JSON string ("125000.00").</summary>
public sealed class MoneyInput
{
    public string? Amount { get; set; }

    public string? Currency { get; set; }
}

public sealed class ContactInput
{
    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? JobTitle { get; set; }
}

/// <summary>POST /api/v1/referrals: an outbound deal with the New deal wizard's rules.</summary>
public sealed class CreateReferralRequest
{
    public int? CustomerId { get; set; }

    public ContactInput? Contact { get; set; }

    public string? Name { get; set; }

    public MoneyInput? Value { get; set; }

    /// <summary>ISO 3166-1 alpha-2; the customer's country when absent.</summary>
    public string? LocationCountry { get; set; }

    public DateOnly? EstimatedCloseDate { get; set; }

    public bool ContainsPlaceholderData { get; set; }

    public string? Notes { get; set; }

    public List<int>? SolutionIds { get; set; }

    public List<HelpWanted>? HelpWanted { get; set; }

    /// <summary>True: co-sell (shared with the vendor); false: a private deal.</summary>
    public bool? Share { get; set; }
}

/// <summary>Decline and lost: a close reason and an optional comment.</summary>
public sealed class CloseRequest
{
    public CloseReason? Reason { get; set; }

    public string? Comment { get; set; }
}

public sealed class CloseAsErrorRequest
{
    public ErrorReason? Reason { get; set; }

    public string? Note { get; set; }
}

public sealed class RejectRegistrationRequest
{
    public string? Reason { get; set; }
}

public sealed class NoteRequest
{
    public string? Text { get; set; }

    /// <summary>Vendor tokens only: a note partners never see.</summary>
    public bool VendorInternal { get; set; }
}

/// <summary>An action without a body (accept, won, upgrade, registration submit/approve); an empty JSON object is accepted.</summary>
public sealed class EmptyRequest;
