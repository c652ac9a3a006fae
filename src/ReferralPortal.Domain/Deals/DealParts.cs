using System.Text.RegularExpressions;
using ReferralPortal.Domain.Common;

namespace ReferralPortal.Domain.Deals;

/// <summary>The optional customer contact; shared with the vendor only on co-sell deals.</summary>
/// <remarks>Its limits and formats are the ones every form's validator uses (Web: <c>ContactFieldsValidator</c>).</remarks>
public sealed partial record DealContact
{
    public const int NameMaxLength = 100;
    public const int EmailMaxLength = 254;
    public const int PhoneMaxLength = 40;
    public const int JobTitleMaxLength = 100;
    public const int PhoneMinDigits = 6;
    public const int PhoneMaxDigits = 20;

    public DealContact(string? firstName, string? lastName, string? email, string? phone, string? jobTitle)
    {
        FirstName = Guard.OptionalSingleLine(firstName, "First name", NameMaxLength);
        LastName = Guard.OptionalSingleLine(lastName, "Last name", NameMaxLength);
        Email = Guard.OptionalSingleLine(email, "Email", EmailMaxLength);
        Phone = Guard.OptionalSingleLine(phone, "Phone", PhoneMaxLength);
        JobTitle = Guard.OptionalSingleLine(jobTitle, "Job title", JobTitleMaxLength);
        if (Email is not null && !IsWellFormedEmail(Email))
        {
            throw new DomainException("Enter a valid email address, like name@company.com.");
        }

        if (Phone is not null && !IsWellFormedPhone(Phone))
        {
            throw new DomainException("Enter a valid phone number: digits, spaces, brackets or dashes, optionally starting with +.");
        }
    }

    /// <summary>One @, no spaces, a dot in the domain: strict enough to catch typos without refusing real addresses.</summary>
    public static bool IsWellFormedEmail(string email) => EmailAddress.IsWellFormed(email);

    /// <summary>Digits, spaces, brackets, dots, slashes or dashes, optionally after a +, with 6 to 20 digits.</summary>
    public static bool IsWellFormedPhone(string phone) =>
        PhonePattern().IsMatch(phone.Trim()) && phone.Count(char.IsAsciiDigit) is >= PhoneMinDigits and <= PhoneMaxDigits;

    public string? FirstName { get; private init; }

    public string? LastName { get; private init; }

    public string? Email { get; private init; }

    public string? Phone { get; private init; }

    public string? JobTitle { get; private init; }

    public bool IsEmpty => FirstName is null && LastName is null && Email is null && Phone is null && JobTitle is null;


    [GeneratedRegex(@"^\+?[0-9(][0-9 ()./-]{4,38}$", RegexOptions.CultureInvariant, 100)]
    private static partial Regex PhonePattern();
}

/// <summary>The editable facts of a deal, validated as a whole.</summary>
public sealed record DealDetails(
    string Name,
    decimal Value,
    string Currency,
    string LocationCountry,
    DateOnly EstimatedCloseDate,
    bool ContainsPlaceholderData,
    string? Notes)
{
    public const int NameMinLength = 3;
    public const int NameMaxLength = 200;
    public const decimal MaxValue = 1_000_000_000m;
    public const int MaxDecimals = 2;
    public const int MaxNotesLength = 2000;

    /// <summary>Placeholder data must be explained in the notes, in at least this many characters.</summary>
    public const int MinPlaceholderExplanation = 10;

    /// <summary>Whether notes explain placeholder data well enough (counted without surrounding spaces).</summary>
    public static bool ExplainsPlaceholderData(string? notes) => (notes?.Trim().Length ?? 0) >= MinPlaceholderExplanation;

    /// <summary>Whether a value has at most <see cref="MaxDecimals"/> decimals.</summary>
    public static bool HasAllowedPrecision(decimal value) => decimal.Round(value, MaxDecimals) == value;

    /// <summary>Checks the rules of SPEC section 2; <paramref name="today"/> bounds the close date.</summary>
    public DealDetails Validated(DateOnly? today)
    {
        var name = Guard.SingleLine(Name, "Deal name", NameMinLength, NameMaxLength);
        if (Value <= 0 || Value > MaxValue)
        {
            throw new DomainException("Estimated value must be more than 0 and at most {0:N0}.", MaxValue);
        }

        if (!HasAllowedPrecision(Value))
        {
            throw new DomainException("Estimated value can have at most 2 decimals.");
        }

        var currency = Currency?.Trim().ToUpperInvariant() ?? string.Empty;
        if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
        {
            throw new DomainException("Choose a currency from the list.");
        }

        if (today is { } t && EstimatedCloseDate < t)
        {
            throw new DomainException("Estimated close date must be today or later.");
        }

        var notes = Guard.OptionalText(Notes, "Notes", MaxNotesLength);
        if (ContainsPlaceholderData && !ExplainsPlaceholderData(notes))
        {
            throw new DomainException("Explain in the notes why the deal contains placeholder data (at least 10 characters).");
        }

        return this with { Name = name, Currency = currency, LocationCountry = Guard.Country(LocationCountry), Notes = notes };
    }
}

/// <summary>One append-only entry of a deal's activity log.</summary>
public class DealActivity
{
    private DealActivity()
    {
        ActorName = string.Empty;
    }

    internal DealActivity(ActivityKind kind, string? actorUserId, string actorName, DateTime at, DealStatus? from, DealStatus? to, string? reason, string? comment)
    {
        Kind = kind;
        ActorUserId = actorUserId;
        ActorName = actorName;
        At = at;
        FromStatus = from;
        ToStatus = to;
        Reason = reason;
        Comment = comment;
    }

    public long Id { get; private set; }

    public int DealId { get; private set; }

    public Deal? Deal { get; private set; }

    public ActivityKind Kind { get; private set; }

    /// <summary>Null for the system (expiry).</summary>
    public string? ActorUserId { get; private set; }

    public string ActorName { get; private set; }

    public DateTime At { get; private set; }

    public DealStatus? FromStatus { get; private set; }

    public DealStatus? ToStatus { get; private set; }

    public string? Reason { get; private set; }

    public string? Comment { get; private set; }

    /// <summary>The field an edit, stage move or team change was about; null for lifecycle entries.</summary>
    public DealField? Field { get; private set; }

    /// <summary>The field's value before the change, written invariantly (see <see cref="DealFieldValues"/>).</summary>
    public string? OldValue { get; private set; }

    /// <summary>The field's value after the change, written invariantly.</summary>
    public string? NewValue { get; private set; }

    /// <summary>A team change that took the deal's creator off its team.</summary>
    public bool CreatorLeft { get; private set; }

    internal DealActivity About(DealField field, string? oldValue, string? newValue)
    {
        Field = field;
        OldValue = oldValue;
        NewValue = newValue;
        return this;
    }

    internal void MarkCreatorLeft() => CreatorLeft = true;
}

/// <summary>A note in the deal's thread. Vendor users may keep a note internal to the vendor.</summary>
public class DealNote
{
    public const int MaxLength = 2000;

    private DealNote()
    {
        AuthorUserId = string.Empty;
        AuthorName = string.Empty;
        Text = string.Empty;
    }

    internal DealNote(string authorUserId, string authorName, int authorOrganisationId, string text, bool vendorInternal, DateTime at)
    {
        AuthorUserId = authorUserId;
        AuthorName = authorName;
        AuthorOrganisationId = authorOrganisationId;
        Text = Guard.Text(text, "Note", 1, MaxLength);
        VendorInternal = vendorInternal;
        At = at;
    }

    public long Id { get; private set; }

    public int DealId { get; private set; }

    public Deal? Deal { get; private set; }

    public string AuthorUserId { get; private set; }

    public string AuthorName { get; private set; }

    public int AuthorOrganisationId { get; private set; }

    public string Text { get; private set; }

    public bool VendorInternal { get; private set; }

    public DateTime At { get; private set; }
}

/// <summary>A user's favourite deal.</summary>
public class DealFavourite
{
    public DealFavourite(string userId, int dealId)
    {
        UserId = userId;
        DealId = dealId;
    }

    public string UserId { get; private set; }

    public int DealId { get; private set; }
}
