using System.Globalization;
using System.Text.RegularExpressions;
using ReferralPortal.Web.Infrastructure;
using ReferralPortal.Web.Resources;

namespace ReferralPortal.Web.Features.Notifications;

/// <summary>
/// Notifications are stored as the domain's English sentence (NotificationRules). This reads one back in
/// the current UI culture: each known sentence shape maps to a resource key, its reason and due date are
/// translated and reformatted; anything else is shown as stored.
/// </summary>
public static partial class NotificationTexts
{
    private const string DueFormat = "d MMM yyyy HH:mm 'UTC'";

    private static readonly (Regex Pattern, string Key)[] Shapes =
    [
        (InboundPattern(), "New inbound referral {0}: accept or decline by {1}."),
        (CoSellPattern(), "New co-sell referral {0} to review by {1}."),
        (AcceptedPattern(), "{0} was accepted."),
        (DeclinedPattern(), "{0} was declined{1}"),
        (ExpiredPattern(), "{0} expired: nobody decided within the review window."),
        (WonPattern(), "{0} was marked won."),
        (LostPattern(), "{0} was marked lost{1}"),
        (ErrorPattern(), "{0} was closed as an error{1}"),
        (ApprovedPattern(), "The registration of {0} was approved."),
        (RejectedPattern(), "The registration of {0} was rejected{1}"),
        (ReminderPattern(), "{0} needs a decision: review {1} (due {2})."),
        (NotePattern(), "{0} added a note to {1}."),
    ];

    public static string Localize(string stored)
    {
        foreach (var (pattern, key) in Shapes)
        {
            var m = pattern.Match(stored);
            if (!m.Success)
            {
                continue;
            }

            var args = m.Groups.Cast<Group>().Skip(1).Select(g => (object)Part(g.Name, g.Value)).ToArray();
            return SharedResource.Text(key, args);
        }

        return stored;
    }

    private static string Part(string name, string value) => name switch
    {
        "due" => DateTime.TryParseExact(value, DueFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var due) ? Format.DateTime(due) : value,
        "because" => value == "." ? "." : ": " + SharedResource.Text(value[2..^1]) + ".",
        "left" => value == "due today" ? SharedResource.Text(value)
            : value == "1 day left" ? SharedResource.Text(value)
            : int.TryParse(value.Split(' ')[0], CultureInfo.InvariantCulture, out var n) ? SharedResource.Text("{0} days left", n) : value,
        _ => value,
    };

    [GeneratedRegex(@"^New inbound referral (?<what>.+): accept or decline by (?<due>.+)\.$", RegexOptions.Singleline)]
    private static partial Regex InboundPattern();

    [GeneratedRegex(@"^New co-sell referral (?<what>.+) to review by (?<due>.+)\.$", RegexOptions.Singleline)]
    private static partial Regex CoSellPattern();

    [GeneratedRegex(@"^(?<what>.+) was accepted\.$", RegexOptions.Singleline)]
    private static partial Regex AcceptedPattern();

    [GeneratedRegex(@"^(?<what>.+) was declined(?<because>\.|: .+\.)$", RegexOptions.Singleline)]
    private static partial Regex DeclinedPattern();

    [GeneratedRegex(@"^(?<what>.+) expired: nobody decided within the review window\.$", RegexOptions.Singleline)]
    private static partial Regex ExpiredPattern();

    [GeneratedRegex(@"^(?<what>.+) was marked won\.$", RegexOptions.Singleline)]
    private static partial Regex WonPattern();

    [GeneratedRegex(@"^(?<what>.+) was marked lost(?<because>\.|: .+\.)$", RegexOptions.Singleline)]
    private static partial Regex LostPattern();

    [GeneratedRegex(@"^(?<what>.+) was closed as an error(?<because>\.|: .+\.)$", RegexOptions.Singleline)]
    private static partial Regex ErrorPattern();

    [GeneratedRegex(@"^The registration of (?<what>.+) was approved\.$", RegexOptions.Singleline)]
    private static partial Regex ApprovedPattern();

    [GeneratedRegex(@"^The registration of (?<what>.+) was rejected(?<because>\.|: .+\.)$", RegexOptions.Singleline)]
    private static partial Regex RejectedPattern();

    [GeneratedRegex(@"^(?<what>.+) needs a decision: review (?<left>due today|\d+ days? left) \(due (?<due>.+)\)\.$", RegexOptions.Singleline)]
    private static partial Regex ReminderPattern();

    [GeneratedRegex(@"^(?<who>.+) added a note to (?<what>R-\d+ “.+”)\.$", RegexOptions.Singleline)]
    private static partial Regex NotePattern();
}
