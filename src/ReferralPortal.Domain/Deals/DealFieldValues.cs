using System.Globalization;

namespace ReferralPortal.Domain.Deals;

/// <summary>
/// How an edit entry writes a field's value: invariant text that any language can format again (the value as
/// "125000.00 EUR", the close date as ISO 8601, the placeholder flag as true/false, solutions and contact as text).
/// </summary>
public static class DealFieldValues
{
    public static string Money(decimal value, string currency) => value.ToString("0.00", CultureInfo.InvariantCulture) + " " + currency;

    /// <summary>Reads <see cref="Money"/> back; null when the text is not in that shape.</summary>
    public static (decimal Value, string Currency)? ParseMoney(string? text)
    {
        var parts = text?.Split(' ');
        return parts is [var v, var c] && decimal.TryParse(v, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? (value, c)
            : null;
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static string Flag(bool value) => value ? "true" : "false";

    public static string Contact(DealContact? contact) => contact is null ? string.Empty : string.Join(", ", new[]
    {
        string.Join(' ', new[] { contact.FirstName, contact.LastName }.Where(x => x is not null)),
        contact.JobTitle, contact.Email, contact.Phone,
    }.Where(x => !string.IsNullOrEmpty(x)));
}
