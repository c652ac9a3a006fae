using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace ReferralPortal.Web.Features.Errors;

public sealed record ProblemViewModel(int Status, string Title, string Message, string RequestId, string? BackUrl);

/// <summary>Friendly error pages: status codes re-executed here, and unhandled exceptions (request id, no details).</summary>
[AllowAnonymous]
[Route("error")]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorsController : Controller
{
    [Route("")]
    public IActionResult Unexpected()
    {
        // Only the exception handler's re-execution is an error; a typed-in /error is just an unknown page (never a 5xx).
        if (HttpContext.Features.Get<IExceptionHandlerFeature>() is null)
        {
            return Status(StatusCodes.Status404NotFound);
        }

        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return View("Problem", new ProblemViewModel(500, "Something went wrong", "An unexpected error occurred. It has been logged; quote the request id if you contact support.", HttpContext.TraceIdentifier, null));
    }

    [Route("{code:int}")]
    public IActionResult Status(int code)
    {
        // Only error statuses have a page. A typed-in /error/200 (or /error/999) is an unknown page, and a server
        // error's page is shown only when the server really answered with it (re-executed), never on request.
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null;
        if (code is < 400 or > 599 || (code >= 500 && !reExecuted))
        {
            code = StatusCodes.Status404NotFound;
        }

        var (title, message) = code switch
        {
            403 => ("Not allowed", "You do not have permission to do this."),
            404 => ("Not found", "The page or record does not exist, or you do not have access to it."),
            400 => ("Bad request", "The request could not be understood."),
            405 => ("Not allowed", "That request method is not supported here."),
            429 => ("Too many requests", "Too many attempts. Wait a minute and try again."),
            _ => ("Something went wrong", "The request could not be completed."),
        };
        Response.StatusCode = code;
        return View("Problem", new ProblemViewModel(code, title, message, HttpContext.TraceIdentifier, null));
    }
}
