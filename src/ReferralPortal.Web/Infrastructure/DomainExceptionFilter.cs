using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Domain.Common;
using ReferralPortal.Web.Features.Errors;

namespace ReferralPortal.Web.Infrastructure;

/// <summary>
/// The last line for rule violations that an action did not turn into field messages: a refused
/// action becomes the 403 page, a broken rule a 400 page and a lost race a 409 page, each with the
/// domain's own words in the user's language. Nothing of these reaches the generic 500 handler.
/// </summary>
public sealed class DomainExceptionFilter(IModelMetadataProvider metadata) : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        var (status, title, message) = context.Exception switch
        {
            NotAllowedException e => (StatusCodes.Status403Forbidden, "Not allowed", e.LocalizedMessage()),
            DomainException e => (StatusCodes.Status400BadRequest, "That change is not possible", e.LocalizedMessage()),
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "This deal was changed by someone else",
                "Someone changed this record while you were working on it. Nothing of your change was saved; reload to see its current state."),
            _ => (0, string.Empty, string.Empty),
        };
        if (status == 0)
        {
            return;
        }

        context.ExceptionHandled = true;
        context.Result = new ViewResult
        {
            ViewName = "~/Features/Errors/Problem.cshtml",
            StatusCode = status,
            ViewData = new ViewDataDictionary(metadata, context.ModelState)
            {
                Model = new ProblemViewModel(status, title, message, context.HttpContext.TraceIdentifier, context.HttpContext.Request.Headers.Referer.ToString()),
            },
        };
    }
}
