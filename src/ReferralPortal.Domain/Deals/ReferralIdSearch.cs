using System.Globalization;

namespace ReferralPortal.Domain.Deals;

/// <summary>
/// What a search term means as (part of) a referral ID: "R-000123" is that deal; "R-0001" is the start of
/// R-000100 … R-000199 (and deal 1); bare digits "123" are part of the number. A deal matches when its key is
/// <see cref="Exact"/>, lies in <see cref="From"/>..<see cref="To"/>, or its number contains <see cref="Digits"/>.
/// Terms that are not referral IDs give <see cref="None"/>, which matches nothing.
/// </summary>
public sealed record ReferralIdSearch(int Exact, int From, int To, string? Digits)
{
    /// <summary>The number of digits a referral ID shows (R-000123).</summary>
    public const int ShownDigits = 6;

    public static readonly ReferralIdSearch None = new(0, 1, 0, null);

    public bool IsNone => this == None;

    public static ReferralIdSearch For(string? text)
    {
        var t = text?.Trim() ?? string.Empty;
        var prefixed = t.Length > 2 && (t[0] is 'R' or 'r') && t[1] == '-';
        var digits = prefixed ? t[2..] : t;
        if (digits.Length is 0 or > 9 || !digits.All(char.IsAsciiDigit))
        {
            return None;
        }

        var number = int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        if (digits.Length >= ShownDigits)
        {
            return None with { Exact = number };
        }

        if (!prefixed)
        {
            return None with { Digits = digits };
        }

        // "R-0001" stands for the first characters of R-0001xx: a range of keys.
        var scale = (int)Math.Pow(10, ShownDigits - digits.Length);
        return new ReferralIdSearch(number, number * scale, ((number + 1) * scale) - 1, null);
    }
}
