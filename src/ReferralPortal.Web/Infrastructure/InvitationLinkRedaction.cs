using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace ReferralPortal.Web.Infrastructure;

/// <summary>
/// An invitation link carries its credential in the path (<c>/invitations/TOKEN</c>), and the request path reaches
/// the log in the request line and in every event logged during the request (ASP.NET Core's request scope). This
/// enricher rewrites any such path in any string property to <c>/invitations/{token}</c>, so the link is never logged.
/// </summary>
public sealed partial class InvitationLinkRedaction : ILogEventEnricher
{
    public const string Redacted = "/invitations/{token}";

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            if (value is ScalarValue { Value: string text } && text.Contains("/invitations/", StringComparison.OrdinalIgnoreCase))
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue(Redact(text))));
            }
        }
    }

    public static string Redact(string text) => Token().Replace(text, Redacted);

    [GeneratedRegex("/invitations/[^/?#\\s\"]+", RegexOptions.IgnoreCase)]
    private static partial Regex Token();
}
