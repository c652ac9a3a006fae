using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReferralPortal.Data;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Web.Features.Deals;
using ReferralPortal.Web.Features.NewDeal;
using ReferralPortal.Web.Infrastructure;

namespace ReferralPortal.Web.Features.Api;

/// <summary>
/// /api/v1/referrals: reads through the tenant query filters, writes through <see cref="DealCommand"/> and the
/// domain's rules, every write under If-Match (the deal's Version as a strong ETag).
/// </summary>
public static class ReferralsEndpoints
{
    public static string ETag(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    public static void Map(RouteGroupBuilder api)
    {
        var referrals = api.MapGroup("/referrals").WithTags("Referrals");

        referrals.MapGet("", ListAsync).WithName("ListReferrals")
            .WithSummary("List referrals")
            .WithDescription("Filters combine; status, direction, dealType and registrationStatus take comma-separated values. Paging is by cursor: follow `next` until it is absent.")
            .Produces<ReferralPage>().ProducesValidationProblem().ProducesProblem(401).ProducesProblem(429);
        referrals.MapGet("/{id}", GetAsync).WithName("GetReferral")
            .WithSummary("Get one referral by internal id or referral ID (R-000123)")
            .Produces<ReferralResource>().Produces(304).ProducesProblem(401).ProducesProblem(404);
        referrals.MapPost("", (HttpContext http, CreateReferralCommand command) => command.RunAsync(http))
            .RequireAuthorization(ApiFeature.WritePolicy).WithName("CreateReferral")
            .WithSummary("Create an outbound referral with the New deal wizard's rules")
            .Accepts<CreateReferralRequest>("application/json")
            .Produces<ReferralResource>(201).ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403).ProducesProblem(413).ProducesProblem(422);
        referrals.MapPatch("/{id}", PatchAsync).RequireAuthorization(ApiFeature.WritePolicy).WithName("UpdateReferral")
            .WithSummary("Change editable fields (JSON Merge Patch, RFC 7396); requires If-Match")
            .Accepts<ReferralPatch>("application/merge-patch+json", "application/json")
            .Produces<ReferralResource>().ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(412).ProducesProblem(422).ProducesProblem(428);
        referrals.MapGet("/{id}/activity", ActivityAsync).WithName("ListReferralActivity")
            .WithSummary("The referral's activity log, newest first")
            .Produces<IReadOnlyList<ActivityResource>>().ProducesProblem(401).ProducesProblem(404);

        Action<EmptyRequest>(referrals, "accept", "AcceptReferral", DealAction.Accept, (d, a, now, _, _) => d.Accept(a, now));
        Action<CloseRequest>(referrals, "decline", "DeclineReferral", DealAction.Decline, (d, a, now, r, _) => d.Decline(a, r.Reason!.Value, r.Comment, now));
        Action<EmptyRequest>(referrals, "won", "MarkReferralWon", DealAction.MarkWon, (d, a, now, _, _) => d.MarkWon(a, now));
        Action<CloseRequest>(referrals, "lost", "MarkReferralLost", DealAction.MarkLost, (d, a, now, r, _) => d.MarkLost(a, r.Reason!.Value, r.Comment, now));
        Action<CloseAsErrorRequest>(referrals, "close-as-error", "CloseReferralAsError", DealAction.CloseAsError, (d, a, now, r, _) => d.CloseAsError(a, r.Reason!.Value, r.Note, now));
        Action<EmptyRequest>(referrals, "upgrade", "UpgradeReferral", DealAction.UpgradeToCoSell, (d, a, now, _, p) => d.UpgradeToCoSell(a, now, p.ReviewWindow));
        Action<EmptyRequest>(referrals, "registration/submit", "SubmitRegistration", DealAction.SubmitRegistration, (d, a, now, _, _) => d.SubmitRegistration(a, now));
        Action<EmptyRequest>(referrals, "registration/approve", "ApproveRegistration", DealAction.ApproveRegistration, (d, a, now, _, _) => d.ApproveRegistration(a, now));
        Action<RejectRegistrationRequest>(referrals, "registration/reject", "RejectRegistration", DealAction.RejectRegistration, (d, a, now, r, _) => d.RejectRegistration(a, r.Reason!, now));

        referrals.MapPost("/{id}/notes", NoteAsync).RequireAuthorization(ApiFeature.WritePolicy).WithName("AddReferralNote")
            .WithSummary("Add a note; requires If-Match")
            .Accepts<NoteRequest>("application/json")
            .Produces<ReferralResource>(201).ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(412).ProducesProblem(428);
    }

    /// <summary>The internal id ("123") or the referral ID ("R-000123"); null for anything else.</summary>
    public static int? ParseId(string id) =>
        int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : Deal.ParseReferralId(id);

    private static Task<IResult> ListAsync(
        HttpRequest request,
        ReferralList list,
        string? status,
        string? direction,
        string? dealType,
        string? registrationStatus,
        string? country,
        string? customerId,
        string? solutionId,
        string? updatedSince,
        string? q,
        string? sort,
        string? limit,
        string? cursor,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        int? Int(string? text, string field)
        {
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return n;
            }

            errors[field] = [Resources.SharedResource.Text("Enter a number.")];
            return null;
        }

        DateTimeOffset? since = null;
        if (!string.IsNullOrEmpty(updatedSince))
        {
            if (DateTimeOffset.TryParse(updatedSince, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                since = parsed;
            }
            else
            {
                errors["updatedSince"] = [Resources.SharedResource.Text("Enter a date and time in ISO 8601, like 2026-11-30T09:00:00Z.")];
            }
        }

        var query = new ReferralListQuery(status, direction, dealType, registrationStatus, country, Int(customerId, "customerId"), Int(solutionId, "solutionId"), since, q, sort, Int(limit, "limit"), cursor);
        return errors.Count > 0 ? Task.FromResult<IResult>(ApiProblems.Invalid(errors)) : list.RunAsync(query, request, ct);
    }

    private static async Task<IResult> GetAsync(string id, HttpContext http, ReferralsDbContext db, CancellationToken ct)
    {
        var deal = await LoadAsync(db, id, ct);
        if (deal is null)
        {
            return ApiProblems.NotFound();
        }

        var etag = ETag(deal.Version);
        http.Response.Headers.ETag = etag;
        if (http.Request.Headers.IfNoneMatch.ToString() == etag)
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Ok(ReferralResource.Of(deal));
    }

    private static async Task<IResult> ActivityAsync(string id, ReferralsDbContext db, CancellationToken ct)
    {
        var dealId = ParseId(id);
        if (dealId is null || !await db.Deals.AnyAsync(d => d.Id == dealId, ct))
        {
            return ApiProblems.NotFound();
        }

        // As the deal page's timeline: note entries are left out (a vendor-internal note stays inside the vendor).
        var entries = await db.DealActivities.AsNoTracking()
            .Where(a => a.DealId == dealId && a.Kind != ActivityKind.NoteAdded)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Take(500)
            .ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<ActivityResource>>([.. entries.Select(a => new ActivityResource(
            a.Id, a.Kind, ReferralResource.Utc(a.At), a.ActorUserId is null ? "System" : a.ActorName, a.FromStatus, a.ToStatus, a.Reason, a.Comment, a.Field, a.OldValue, a.NewValue))]);
    }

    private static async Task<IResult> PatchAsync(string id, HttpContext http, ReferralsDbContext db, CurrentTenant current, DealEditor editor, IValidator<EditDealInput> validator, CancellationToken ct)
    {
        if (ParseId(id) is not int dealId)
        {
            return ApiProblems.NotFound();
        }

        if (IfMatch(http) is not { } version)
        {
            return http.Request.Headers.IfMatch.Count == 0 ? ApiProblems.PreconditionRequired() : ApiProblems.PreconditionFailed();
        }

        var page = await editor.PageAsync(current.Actor, dealId, null, ct);
        if (page is null)
        {
            return ApiProblems.NotFound();
        }

        if (page.Version != version)
        {
            return ApiProblems.PreconditionFailed();
        }

        var (body, problem) = await ApiJson.ReadBytesAsync(http.Request, required: true);
        if (problem is not null)
        {
            return problem;
        }

        var (input, invalid) = ReferralPatch.Apply(body!, page.Input, page.ContactEditable);
        if (invalid is not null)
        {
            return invalid;
        }

        var result = await validator.ValidateAsync(input!, ct);
        if (!result.IsValid)
        {
            return ApiProblems.Invalid(result);
        }

        return await AnswerAsync(http, db, dealId, await editor.SaveAsync(dealId, version, input!, ct), StatusCodes.Status200OK, ct);
    }

    private static async Task<IResult> NoteAsync(string id, HttpContext http, ReferralsDbContext db, CurrentTenant current, DealNoteCommand notes, IValidator<AddNoteInput> validator, CancellationToken ct)
    {
        if (ParseId(id) is not int dealId)
        {
            return ApiProblems.NotFound();
        }

        if (IfMatch(http) is not { } version)
        {
            return http.Request.Headers.IfMatch.Count == 0 ? ApiProblems.PreconditionRequired() : ApiProblems.PreconditionFailed();
        }

        var seen = await db.Deals.Where(d => d.Id == dealId).Select(d => (int?)d.Version).FirstOrDefaultAsync(ct);
        if (seen is null)
        {
            return ApiProblems.NotFound();
        }

        if (seen != version)
        {
            return ApiProblems.PreconditionFailed();
        }

        var (request, _, problem) = await ApiJson.ReadAsync<NoteRequest>(http.Request);
        if (problem is not null)
        {
            return problem;
        }

        var input = new AddNoteInput { Text = request!.Text, VendorInternal = request.VendorInternal };
        var result = await validator.ValidateAsync(input, ct);
        if (!result.IsValid)
        {
            return ApiProblems.Invalid(result);
        }

        var actor = current.Actor;
        if (input.VendorInternal && !actor.IsVendor)
        {
            return ApiProblems.Invalid("vendorInternal", "Only vendor users can keep a note inside the vendor.");
        }

        return await AnswerAsync(http, db, dealId, await notes.AddAsync(actor, dealId, input, ct) ? DealCommandOutcome.Done : DealCommandOutcome.NotFound, StatusCodes.Status201Created, ct);
    }

    private static void Action<TRequest>(RouteGroupBuilder referrals, string path, string name, DealAction action, Action<Deal, Actor, DateTime, TRequest, ProgrammeOptions> change)
        where TRequest : class, new()
    {
        var endpoint = referrals.MapPost("/{id}/" + path, async (string id, HttpContext http, ReferralsDbContext db, DealCommand command, IOptions<ProgrammeOptions> programme, IServiceProvider services, CancellationToken ct) =>
        {
            if (ParseId(id) is not int dealId)
            {
                return ApiProblems.NotFound();
            }

            if (IfMatch(http) is not { } version)
            {
                return http.Request.Headers.IfMatch.Count == 0 ? ApiProblems.PreconditionRequired() : ApiProblems.PreconditionFailed();
            }

            var (request, _, problem) = await ApiJson.ReadAsync<TRequest>(http.Request, required: typeof(TRequest) != typeof(EmptyRequest));
            if (problem is not null)
            {
                return problem;
            }

            if (Validator(services, request!) is { } validate && await validate(ct) is { IsValid: false } result)
            {
                return ApiProblems.Invalid(result);
            }

            var outcome = await command.RunAsync(dealId, version, (d, a, now) => change(d, a, now, request!, programme.Value), ct);
            return await AnswerAsync(http, db, dealId, outcome, StatusCodes.Status200OK, ct);
        })
            .RequireAuthorization(ApiFeature.WritePolicy)
            .WithName(name)
            .WithSummary($"{action}; requires If-Match")
            .Produces<ReferralResource>().ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(412).ProducesProblem(422).ProducesProblem(428);
        if (typeof(TRequest) != typeof(EmptyRequest))
        {
            endpoint.Accepts<TRequest>("application/json");
        }
    }

    // The UI's validators for the same inputs: one rule for the form and the API.
    private static Func<CancellationToken, Task<FluentValidation.Results.ValidationResult>>? Validator(IServiceProvider services, object request) => request switch
    {
        CloseRequest r => ct => services.GetRequiredService<IValidator<CloseInput>>().ValidateAsync(new CloseInput { Reason = r.Reason, Comment = r.Comment }, ct),
        CloseAsErrorRequest r => ct => services.GetRequiredService<IValidator<CloseAsErrorInput>>().ValidateAsync(new CloseAsErrorInput { Reason = r.Reason, Note = r.Note }, ct),
        RejectRegistrationRequest r => ct => services.GetRequiredService<IValidator<RejectRegistrationInput>>().ValidateAsync(new RejectRegistrationInput { Reason = r.Reason }, ct),
        _ => null,
    };

    private static async Task<IResult> AnswerAsync(HttpContext http, ReferralsDbContext db, int dealId, DealCommandOutcome outcome, int status, CancellationToken ct)
    {
        switch (outcome)
        {
            case DealCommandOutcome.NotFound:
                return ApiProblems.NotFound();
            case DealCommandOutcome.Conflict:
                return ApiProblems.PreconditionFailed();
        }

        db.ChangeTracker.Clear();
        var deal = await LoadAsync(db, dealId.ToString(CultureInfo.InvariantCulture), ct);
        if (deal is null)
        {
            return ApiProblems.NotFound();
        }

        http.Response.Headers.ETag = ETag(deal.Version);
        return status == StatusCodes.Status201Created
            ? TypedResults.Created(ApiFeature.ReferralPath(http, deal.Id), ReferralResource.Of(deal))
            : TypedResults.Ok(ReferralResource.Of(deal));
    }

    /// <summary>
    /// The version an If-Match names: null when absent, unreadable, weak or "*" (a write must name the version it
    /// read; the caller answers 428 when absent and 412 otherwise).
    /// </summary>
    private static int? IfMatch(HttpContext http)
    {
        var value = http.Request.Headers.IfMatch.ToString().Trim();
        return value.Length > 2 && value[0] == '"' && value[^1] == '"'
            && int.TryParse(value.AsSpan(1, value.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var v)
            ? v
            : null;
    }

    private static Task<Deal?> LoadAsync(ReferralsDbContext db, string id, CancellationToken ct)
    {
        var dealId = ParseId(id);
        return dealId is null
            ? Task.FromResult<Deal?>(null)
            : db.Deals.AsNoTracking().AsSplitQuery().Include(d => d.Customer).Include(d => d.Solutions).FirstOrDefaultAsync(d => d.Id == dealId, ct);
    }
}
