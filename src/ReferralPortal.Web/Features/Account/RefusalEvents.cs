using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;
using ReferralPortal.Web.Infrastructure;

namespace ReferralPortal.Web.Features.Account;

/// <summary>
/// Refusals as security events (ASVS 16): a refused anti-forgery token (400), and a signed-in user's request
/// answered 403 or 404 (a foreign id is answered 404 like an unknown one, so both are listed), each with user id,
/// organisation and client address. Refused authorisation by policy (redirect to the 403 page) is logged by
/// <see cref="SignInRedirects"/>.
/// </summary>
public sealed class RefusalEvents(ILogger<RefusalEvents> log) : IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        var kind = context.Result is IAntiforgeryValidationFailedResult ? "AntiforgeryRefused"
            : http.User.Identity?.IsAuthenticated == true && status is StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound ? "AccessRefused"
            : null;
        if (kind is null)
        {
            return;
        }

        var actor = PortalClaims.ToActor(http.User);
        log.LogWarning(
            "Security event {SecurityEvent}: {Method} {Path} answered {StatusCode} for user {UserId} in organisation {OrganisationId} from {ClientAddress}",
            kind, http.Request.Method, http.Request.Path.Value, status, actor?.UserId, actor?.OrganisationId, http.Connection.RemoteIpAddress?.ToString());
    }
}
