using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests.Security;

/// <summary>One controller action on one route and HTTP method, as the app's endpoint data source lists it.</summary>
public sealed record PortalRoute(string Controller, string Action, string Method, string Template)
{
    /// <summary>"Controller.Action [METHOD] /template": the key of the expectation tables.</summary>
    public string Key => $"{Controller}.{Action} [{Method}] /{Template}";

    /// <summary>The method to send: actions without a method constraint (the error pages) answer GET.</summary>
    public HttpMethod SendMethod => Method == "ANY" ? HttpMethod.Get : new HttpMethod(Method);

    public bool IsUnsafe => Method is "POST" or "PUT" or "PATCH" or "DELETE";

    public IReadOnlyList<string> Parameters => [.. PortalRoutes.Parameter().Matches(Template).Select(m => m.Groups["name"].Value)];

    /// <summary>The URL with each route parameter replaced by <paramref name="value"/>'s answer.</summary>
    public string Url(Func<string, string> value) => "/" + PortalRoutes.Parameter().Replace(Template, m => Uri.EscapeDataString(value(m.Groups["name"].Value)));
}

public static partial class PortalRoutes
{
    /// <summary>Every controller action the running app maps, so a new action cannot be left out of a sweep.</summary>
    public static IReadOnlyList<PortalRoute> All(PortalFactory factory)
    {
        var source = factory.Services.GetRequiredService<EndpointDataSource>();
        var routes = new List<PortalRoute>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<ControllerActionDescriptor>() is not { } action)
            {
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
            foreach (var method in methods.Count == 0 ? ["ANY"] : methods)
            {
                routes.Add(new PortalRoute(action.ControllerName, action.ActionName, method, endpoint.RoutePattern.RawText!.TrimStart('/')));
            }
        }

        return [.. routes.DistinctBy(r => r.Key).OrderBy(r => r.Key, StringComparer.Ordinal)];
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:[^}]*)?\}")]
    internal static partial Regex Parameter();

    /// <summary>Prints to the test output and to the console (so the counts show in `dotnet test` logs too).</summary>
    public static void Report(string line)
    {
        TestContext.Current.SendDiagnosticMessage(line);
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        Console.WriteLine(line);
    }
}

/// <summary>What a response amounts to, for the expectation tables.</summary>
public enum Outcome
{
    Ok,
    Redirect,
    Login,
    Forbidden,
    NotFound,
    Invalid,
    Conflict,
    ServerError,
    Other,
}

public static class Outcomes
{
    public static async Task<Outcome> ClassifyAsync(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        switch ((int)response.StatusCode)
        {
            case >= 300 and < 400 when location.Contains("/account/login", StringComparison.OrdinalIgnoreCase):
                return Outcome.Login;
            case >= 300 and < 400 when location.Contains("/error/403", StringComparison.OrdinalIgnoreCase):
                return Outcome.Forbidden;
            case >= 300 and < 400:
                return Outcome.Redirect;
            case 400:
                return Outcome.Invalid;
            case 403:
                return Outcome.Forbidden;
            case 404:
                return Outcome.NotFound;
            case 409:
                return Outcome.Conflict;
            case >= 500:
                return Outcome.ServerError;
            case >= 200 and < 300:
                var body = await response.Content.ReadAsStringAsync();

                // A re-rendered form with field messages or a filled error summary (some forms answer 200 rather than 400).
                return body.Contains("field-validation-error", StringComparison.Ordinal) || await HasErrorSummaryAsync(body)
                    ? Outcome.Invalid
                    : Outcome.Ok;
            default:
                return Outcome.Other;
        }
    }

    private static async Task<bool> HasErrorSummaryAsync(string body) =>
        (await PortalClient.ParseAsync(body)).QuerySelector("[data-error-summary]:not([hidden]) li") is not null;
}
