using System.Globalization;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReferralPortal.Data;
using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Integration;
using ReferralPortal.Domain.Notifications;
using ReferralPortal.Web.Features.NewDeal;
using ReferralPortal.Web.Features.Notifications;
using ReferralPortal.Web.Infrastructure;

namespace ReferralPortal.Web.Features.Api;

/// <summary>
/// POST /api/v1/referrals. The request is turned into the New deal wizard's own step inputs and checked by the
/// wizard's validators and gate, and the deal is built by <see cref="Deal.CreateOutbound"/>: one rule, one place.
/// With an Idempotency-Key, the deal and the first answer are saved in one transaction (a unique key per
/// organisation), so a retry or a racing duplicate gets the first answer and never a second deal.
/// </summary>
public sealed class CreateReferralCommand(
    ReferralsDbContext db,
    CurrentTenant current,
    DealCreationGate gate,
    IValidator<ContactStepInput> contactValidator,
    IValidator<DetailsStepInput> detailsValidator,
    IValidator<SharingStepInput> sharingValidator,
    DealNotifier notifier,
    TimeProvider clock,
    IOptions<ProgrammeOptions> programme,
    Webhooks.WebhookEvents webhooks)
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public async Task<IResult> RunAsync(HttpContext http)
    {
        var ct = http.RequestAborted;
        var (request, raw, problem) = await ApiJson.ReadAsync<CreateReferralRequest>(http.Request);
        if (problem is not null)
        {
            return problem;
        }

        var actor = current.Actor;
        var now = clock.GetUtcNow().UtcDateTime;
        var key = http.Request.Headers[IdempotencyHeader].ToString();
        var requestHash = ApiJson.Hash(raw);
        if (key.Length > 0)
        {
            if (key.Length > ApiIdempotencyRecord.KeyMaxLength || key.Any(c => c < 0x21 || c > 0x7e))
            {
                return ApiProblems.Invalid(IdempotencyHeader, "Use an Idempotency-Key of at most 200 visible ASCII characters.");
            }

            if (await ReplayAsync(key, requestHash, now, ct) is { } replay)
            {
                return replay;
            }
        }

        var check = await gate.CheckAsync(actor, ct);
        if (!check.Allowed)
        {
            var refused = ApiProblems.Problem(StatusCodes.Status403Forbidden, "New deal is not available");
            refused.ProblemDetails.Detail = string.Join(" ", check.UnmetConditions.Select(Resources.SharedResource.Text));
            return refused;
        }

        var (inputs, invalid) = await ValidateAsync(request!, ct);
        if (invalid is not null)
        {
            return invalid;
        }

        var (details, contact, sharing, customerId) = inputs!.Value;
        var customer = await db.Customers.FirstAsync(c => c.Id == customerId, ct);
        var solutions = await db.Solutions.Where(s => details.SolutionIds.Contains(s.Id) && s.OrganisationId == actor.OrganisationId).ToListAsync(ct);
        var fields = new DealDetails(details.Name!, details.Value!.Value, details.Currency!, details.LocationCountry!, details.EstimatedCloseDate!.Value, details.ContainsPlaceholderData, details.Notes);
        var deal = Deal.CreateOutbound(actor, customer, contact.IsEmpty ? null : new DealContact(contact.FirstName, contact.LastName, contact.Email, contact.Phone, contact.JobTitle),
            fields, solutions, sharing.HelpFlags, sharing.Share == true, now, programme.Value.ReviewWindow);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Deals.Add(deal);
        await db.SaveChangesAsync(ct);
        await notifier.StageAsync(deal, NotificationRules.For(deal, ActivityKind.Created, null), actor.UserId, now, ct);
        await webhooks.StageAsync(deal, deal.Activities.First(a => a.Kind == ActivityKind.Created), null, now, ct);
        var location = ApiFeature.ReferralPath(http, deal.Id);
        var body = JsonSerializer.Serialize(ReferralResource.Of(deal), ApiJson.Options);
        if (key.Length > 0)
        {
            db.ApiIdempotencyKeys.Add(new ApiIdempotencyRecord(actor.OrganisationId, key, requestHash, StatusCodes.Status201Created, location, body, now));
        }

        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException) when (key.Length > 0)
        {
            // Another request with the same key won the race: its deal is the answer, ours is rolled back.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await ReplayAsync(key, requestHash, now, ct) ?? throw new InvalidOperationException("Idempotency record vanished.");
        }

        http.Response.Headers.ETag = ReferralsEndpoints.ETag(deal.Version);
        return new StoredJson(StatusCodes.Status201Created, location, body);
    }

    private async Task<IResult?> ReplayAsync(string key, string requestHash, DateTime now, CancellationToken ct)
    {
        var record = await db.ApiIdempotencyKeys.AsNoTracking().FirstOrDefaultAsync(r => r.Key == key, ct);
        if (record is null)
        {
            return null;
        }

        if (record.CreatedAt < now - ApiIdempotencyRecord.Lifetime)
        {
            // A key older than a day is forgotten: this request starts afresh.
            await db.ApiIdempotencyKeys.Where(r => r.Id == record.Id).ExecuteDeleteAsync(ct);
            return null;
        }

        return record.RequestHash == requestHash
            ? new StoredJson(record.StatusCode, record.Location, record.ResponseBody)
            : ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused",
                "This Idempotency-Key was used in the last 24 hours with a different body. Use a new key for a new request.");
    }

    private async Task<((DetailsStepInput Details, ContactStepInput Contact, SharingStepInput Sharing, int CustomerId)? Inputs, ProblemHttpResult? Problem)> ValidateAsync(CreateReferralRequest request, CancellationToken ct)
    {
        var errors = new List<ValidationFailure>();
        var customer = request.CustomerId is int id
            ? await db.Customers.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Id, c.Country }).FirstOrDefaultAsync(ct)
            : null;
        if (customer is null)
        {
            errors.Add(new ValidationFailure("customerId", "Choose a customer."));
        }

        decimal? amount = null;
        if (request.Value?.Amount is { } text)
        {
            if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
            {
                amount = parsed;
            }
            else
            {
                errors.Add(new ValidationFailure("value.amount", "Enter a number."));
            }
        }

        var details = new DetailsStepInput
        {
            Name = request.Name,
            Value = amount,
            Currency = request.Value?.Currency,
            LocationCountry = string.IsNullOrWhiteSpace(request.LocationCountry) ? customer?.Country : request.LocationCountry.Trim().ToUpperInvariant(),
            EstimatedCloseDate = request.EstimatedCloseDate,
            ContainsPlaceholderData = request.ContainsPlaceholderData,
            Notes = request.Notes,
            SolutionIds = [.. (request.SolutionIds ?? []).Distinct()],
        };
        var contact = new ContactStepInput
        {
            FirstName = request.Contact?.FirstName,
            LastName = request.Contact?.LastName,
            Email = request.Contact?.Email,
            Phone = request.Contact?.Phone,
            JobTitle = request.Contact?.JobTitle,
        };
        var sharing = new SharingStepInput { Help = request.HelpWanted ?? [], Share = request.Share };

        errors.AddRange((await detailsValidator.ValidateAsync(details, ct)).Errors.Select(f => Renamed(f, errors.Any(e => e.PropertyName == "value.amount"))));
        errors.AddRange((await contactValidator.ValidateAsync(contact, ct)).Errors.Select(f => Prefixed(f, "contact.")));
        errors.AddRange((await sharingValidator.ValidateAsync(sharing, ct)).Errors.Select(f => Prefixed(f, string.Empty, f.PropertyName == "Help" ? "helpWanted" : null)));
        errors.RemoveAll(f => f.PropertyName.Length == 0);
        return errors.Count > 0
            ? (null, ApiProblems.Invalid(new ValidationResult(errors)))
            : ((details, contact, sharing, customer!.Id), null);
    }

    // The wizard's field names in the API's shape: the value's amount and currency sit inside "value".
    private static ValidationFailure Renamed(ValidationFailure f, bool amountAlreadyInvalid) => f.PropertyName switch
    {
        "Value" when amountAlreadyInvalid => Prefixed(f, string.Empty, string.Empty),
        "Value" => Prefixed(f, string.Empty, "value.amount"),
        "Currency" => Prefixed(f, string.Empty, "value.currency"),
        _ => f,
    };

    private static ValidationFailure Prefixed(ValidationFailure f, string prefix, string? name = null) =>
        new(name ?? prefix + f.PropertyName, f.ErrorMessage) { CustomState = f.CustomState };
}

/// <summary>A JSON answer kept as text (a replayed idempotent response is the first one, byte for byte).</summary>
public sealed class StoredJson(int status, string? location, string body) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = status;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        if (location is not null)
        {
            httpContext.Response.Headers.Location = location;
        }

        return httpContext.Response.WriteAsync(body, httpContext.RequestAborted);
    }
}
