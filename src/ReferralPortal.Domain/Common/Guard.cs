namespace ReferralPortal.Domain.Common;

internal static class Guard
{
    public static string Text(string? value, string field, int min, int max)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length < min || trimmed.Length > max)
        {
            throw new DomainException(min > 0
                ? $"{field} must be between {min} and {max} characters."
                : $"{field} must be at most {max} characters.");
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

        return trimmed.Length > max ? throw new DomainException($"{field} must be at most {max} characters.") : trimmed;
    }

    public static string Country(string? code)
    {
        var upper = code?.Trim().ToUpperInvariant() ?? string.Empty;
        return Countries.IsKnown(upper) ? upper : throw new DomainException("Choose a country from the list.");
    }

    /// <summary>Refuses enum values outside the list (a form or API can send any number).</summary>
    public static T Listed<T>(T value, string field)
        where T : struct, Enum =>
        Enum.IsDefined(value) ? value : throw new DomainException($"Choose a {field} from the list.");
}
