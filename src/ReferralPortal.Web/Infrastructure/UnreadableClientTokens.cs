namespace ReferralPortal.Web.Infrastructure;

/// <summary>
/// A cookie the portal cannot read (a stale or forged anti-forgery or TempData cookie, a scanner's garbage) is the
/// client's mistake, but the framework logs each one as an error or warning with a stack trace: one request
/// each, so anyone can fill the log. These events become one line without the stack, at most once a minute,
/// with the number left out since the last line. Everything else is passed through untouched.
/// </summary>
public sealed class UnreadableClientTokens
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    // (logger category, event name) of the framework's "could not read the client's token" events.
    private static readonly HashSet<(string Category, string Event)> Events =
    [
        ("Microsoft.AspNetCore.Antiforgery.DefaultAntiforgery", "TokenDeserializeException"),
        ("Microsoft.AspNetCore.Mvc.ViewFeatures.CookieTempDataProvider", "TempDataCookieLoadFailure"),
    ];

    private readonly Lock gate = new();
    private readonly TimeProvider clock;
    private DateTimeOffset? windowStart;
    private int suppressed;

    public UnreadableClientTokens(TimeProvider clock) => this.clock = clock;

    public static bool IsWatched(string category) => Events.Any(e => e.Category == category);

    public static bool IsUnreadableToken(string category, EventId id) => id.Name is { } name && Events.Contains((category, name));

    /// <summary>Whether to write a line now; if so, how many were left out since the last one.</summary>
    public bool TryTakeTurn(out int leftOut)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (windowStart is { } start && now - start < Window)
            {
                suppressed++;
                leftOut = 0;
                return false;
            }

            windowStart = now;
            leftOut = suppressed;
            suppressed = 0;
            return true;
        }
    }

    /// <summary>Wraps the app's logger factory so the watched categories go through <see cref="UnreadableClientTokens"/>.</summary>
    public sealed class FilteringLoggerFactory(ILoggerFactory inner, UnreadableClientTokens tokens) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName)
        {
            var logger = inner.CreateLogger(categoryName);
            return IsWatched(categoryName) ? new FilteringLogger(logger, categoryName, tokens) : logger;
        }

        public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

        public void Dispose() => inner.Dispose();
    }

    private sealed class FilteringLogger(ILogger inner, string category, UnreadableClientTokens tokens) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsUnreadableToken(category, eventId))
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
                return;
            }

            if (tokens.TryTakeTurn(out var leftOut))
            {
                inner.LogWarning(eventId, "Unreadable token from a client ignored ({Event}); {LeftOut} more since the last such line", eventId.Name, leftOut);
            }
        }
    }
}
