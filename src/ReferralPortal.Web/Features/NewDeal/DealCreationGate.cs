using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Web.Features.Errors;
using ReferralPortal.Web.Infrastructure;
using ReferralPortal.Web.Resources;

namespace ReferralPortal.Web.Features.NewDeal;

/// <summary>Asks the domain's <see cref="DealCreationPolicy"/> for the signed-in user, from one cheap query.</summary>
public sealed class DealCreationGate(ReferralsDbContext db, HeaderFacts facts)
{
    public async Task<DealCreationCheck> CheckAsync(Actor actor, CancellationToken ct)
    {
        var ready = actor.IsPartner && (facts.HasReadySolution ?? await db.Solutions.AnyAsync(DealCreationPolicy.ReadySolutionOf(actor.OrganisationId), ct));
        return DealCreationPolicy.Check(actor, ready);
    }
}

/// <summary>
/// Runs the gate before every wizard action, GET or POST, so no endpoint can forget it: a refusal is the
/// friendly 403 page listing each unmet condition.
/// </summary>
public sealed class RequireDealCreationFilter(DealCreationGate gate, CurrentTenant current, IModelMetadataProvider metadata) : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var check = await gate.CheckAsync(current.Actor, context.HttpContext.RequestAborted);
        if (check.Allowed)
        {
            await next();
            return;
        }

        context.Result = new ViewResult
        {
            ViewName = "~/Features/Errors/Problem.cshtml",
            StatusCode = StatusCodes.Status403Forbidden,
            ViewData = new ViewDataDictionary(metadata, context.ModelState)
            {
                Model = new ProblemViewModel(StatusCodes.Status403Forbidden, "New deal is not available",
                    string.Join(" ", check.UnmetConditions.Select(SharedResource.Text)), context.HttpContext.TraceIdentifier, null),
            },
        };
    }
}
