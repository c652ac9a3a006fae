namespace ReferralPortal.Domain.Common;

/// <summary>
/// The entities' checks of plain values. Field names are passed as the English label the forms show (the web
/// layer translates them with the message), never built into the text.
/// </summary>
internal static class Guard
{
    public static string Text(string? value, string field, int min, int max)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length < min || trimmed.Length > max)
        {
            throw min > 0
                ? new DomainException("{0} must be between {1} and {2} characters.", field, min, max)
                : new DomainException("{0} must be at most {1} characters.", field, max);
        }

        return trimmed;
    }

    public static string? OptionalText(string? value, string field, int max)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return trimmed.Length > max ? throw new DomainException("{0} must be at most {1} characters.", field, max) : trimmed;
    }

    /// <summary><see cref="Text"/> for a single-line field: also refuses line breaks and the characters of <see cref="SingleLineText"/>.</summary>
    public static string SingleLine(string? value, string field, int min, int max) => OnOneLine(Text(value, field, min, max), field);

    /// <summary><see cref="OptionalText"/> for a single-line field.</summary>
    public static string? OptionalSingleLine(string? value, string field, int max) => OnOneLine(OptionalText(value, field, max), field);

    public static string Country(string? code)
    {
        var upper = code?.Trim().ToUpperInvariant() ?? string.Empty;
        return Countries.IsKnown(upper) ? upper : throw new DomainException("Choose a country from the list.");
    }

    private static T OnOneLine<T>(T value, string field)
        where T : class? =>
        SingleLineText.IsValid(value as string) ? value : throw new DomainException("{0} must be a single line without control or text-direction characters.", field);

    /// <summary>Refuses enum values outside the list (a form or API can send any number) with the given message.</summary>
    /// <remarks>
    /// The whole sentence, not a field name in a shared sentence: "Choose a {0} from the list." cannot be said in
    /// Portuguese without knowing the word's gender.
    /// </remarks>
    public static T Listed<T>(T value, string message)
        where T : struct, Enum =>
        Enum.IsDefined(value) ? value : throw new DomainException(message);
}
