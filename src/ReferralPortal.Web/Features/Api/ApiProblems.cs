using System.Text.Json;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ReferralPortal.Domain.Common;
using ReferralPortal.Web.Infrastructure;
using ReferralPortal.Web.Resources;

namespace ReferralPortal.Web.Features.Api;

/// <summary>
/// Every API error as Problem Details (RFC 9457): a translated title and detail in the request's language
/// (Accept-Language, through the portal's request localisation) and field messages under <c>errors</c>.
/// </summary>
public static class ApiProblems
{
    public const string ContentType = "application/problem+json";

    public static ProblemHttpResult Problem(int status, string title, string? detail = null, IDictionary<string, string[]>? errors = null)
    {
        var problem = errors is null
            ? new ProblemDetails()
            : new HttpValidationProblemDetails(errors);
        problem.Status = status;
        problem.Title = SharedResource.Text(title);
        problem.Detail = detail is null ? null : SharedResource.Text(detail);
        problem.Type = $"https://httpstatuses.io/{status}";
        return TypedResults.Problem(problem);
    }

    /// <summary>A field error (or several) with the standard "the request has invalid fields" title.</summary>
    public static ProblemHttpResult Invalid(IDictionary<string, string[]> errors) =>
        Problem(StatusCodes.Status400BadRequest, "The request has invalid fields.", errors: errors);

    public static ProblemHttpResult Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [SharedResource.Text(message)] });

    public static ProblemHttpResult Invalid(ValidationResult result) =>
        Invalid(result.Errors
            .GroupBy(f => Camel(f.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(f => f.CustomState is object[] args ? SharedResource.Text(f.ErrorMessage, args) : SharedResource.Text(f.ErrorMessage)).Distinct().ToArray()));

    public static ProblemHttpResult Refused(DomainException refusal) => refusal is NotAllowedException
        ? TranslatedDetail(StatusCodes.Status403Forbidden, "Not allowed", refusal.LocalizedMessage())
        : TranslatedDetail(StatusCodes.Status422UnprocessableEntity, "That change is not possible", refusal.LocalizedMessage());

    public static ProblemHttpResult NotFound() =>
        Problem(StatusCodes.Status404NotFound, "Not found", "No such resource, or it is not visible to this API token.");

    public static ProblemHttpResult PreconditionRequired() =>
        Problem(StatusCodes.Status428PreconditionRequired, "If-Match required",
            "Send the ETag of the referral you read in an If-Match header, so a change made meanwhile is never overwritten.");

    public static ProblemHttpResult PreconditionFailed() =>
        Problem(StatusCodes.Status412PreconditionFailed, "The referral changed",
            "The referral changed since you read it. Nothing was saved; read it again and retry with its new ETag.");

    public static ProblemHttpResult ReadOnlyToken() =>
        Problem(StatusCodes.Status403Forbidden, "Not allowed", "This API token may only read.");

    /// <summary>For code that runs outside an endpoint (authentication, the rate limiter, unmatched routes).</summary>
    public static async Task Write(HttpContext http, int status, string title, string detail)
    {
        if (http.Response.HasStarted)
        {
            return;
        }

        http.Response.StatusCode = status;
        http.Response.ContentType = ContentType;
        var problem = new ProblemDetails
        {
            Status = status,
            Title = SharedResource.Text(title),
            Detail = SharedResource.Text(detail),
            Type = $"https://httpstatuses.io/{status}",
        };
        await http.Response.WriteAsync(JsonSerializer.Serialize(problem, ApiJson.Options), http.RequestAborted);
    }

    public static string Camel(string name) =>
        string.Join('.', name.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));

    private static ProblemHttpResult TranslatedDetail(int status, string title, string translatedDetail)
    {
        var problem = Problem(status, title);
        problem.ProblemDetails.Detail = translatedDetail;
        return problem;
    }
}
