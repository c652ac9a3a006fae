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
}
