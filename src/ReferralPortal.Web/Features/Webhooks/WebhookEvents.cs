using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Integration;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Web.Features.Api;

namespace ReferralPortal.Web.Features.Webhooks;

/// <summary>
/// Writes webhook events to the outbox. Like <see cref="Notifications.DealNotifier"/> it only stages rows on the
/// context, so they are saved in the transaction of the change that caused them: a refused or rolled-back change
/// sends nothing. Each organisation that may see the deal (<see cref="Deal.IsVisibleTo(Actor)"/>, the rule behind
/// the API and the pages) gets one row per enabled endpoint subscribed to the event, with the referral as that
/// organisation's API token reads it.
/// </summary>
public sealed class WebhookEvents(ReferralsDbContext db)
{
    /// <summary>The webhook event an activity entry is, or null for those no event reports (team changes, reviewer assignment).</summary>
    public static string? TypeOf(ActivityKind kind) => kind switch
    {
        ActivityKind.Created => WebhookEventTypes.ReferralCreated,
        ActivityKind.Edited or ActivityKind.StageChanged or ActivityKind.UpgradedToCoSell => WebhookEventTypes.ReferralUpdated,
        ActivityKind.Accepted or ActivityKind.Declined or ActivityKind.Expired or ActivityKind.Won or ActivityKind.Lost
            or ActivityKind.ClosedAsError or ActivityKind.Withdrawn => WebhookEventTypes.ReferralStatusChanged,
        ActivityKind.RegistrationSubmitted or ActivityKind.RegistrationApproved or ActivityKind.RegistrationRejected => WebhookEventTypes.RegistrationStatusChanged,
        ActivityKind.NoteAdded => WebhookEventTypes.ReferralNoteAdded,
        _ => null,
    };

    /// <summary>Stages the events of one activity entry of <paramref name="deal"/> (the deal as it is after the change).</summary>
    public async Task StageAsync(Deal deal, DealActivity entry, DealNote? note, DateTime now, CancellationToken ct)
    {
        if (TypeOf(entry.Kind) is not { } type)
        {
            return;
        }

        // An upgrade to co-sell is an update for the owner but the vendor's first sight of the referral: the vendor
        // hears referral.created, as it does for a deal created co-sell.
        var vendorType = entry.Kind == ActivityKind.UpgradedToCoSell ? WebhookEventTypes.ReferralCreated : type;

        // Few organisations have endpoints; those subscribed to this type are read (all organisations: this is the system writing).
        var endpoints = (await db.WebhookEndpoints.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.IsEnabled && (e.EventTypes.Contains(type) || e.EventTypes.Contains(vendorType)))
            .ToListAsync(ct)).Where(e => e.Wants(type) || e.Wants(vendorType)).ToList();
        if (endpoints.Count == 0)
        {
            return;
        }

        var organisationIds = endpoints.Select(e => e.OrganisationId).Distinct().ToList();
        var kinds = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Kind, ct);
        if (note is null && entry.Kind == ActivityKind.NoteAdded)
        {
            note = deal.NotesThread.LastOrDefault();
        }

        await LoadResourcePartsAsync(deal, ct);
        var bodies = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints.Where(e => kinds.ContainsKey(e.OrganisationId)))
        {
            // The organisation as its API token acts: with its admins' rights.
            var kind = kinds[endpoint.OrganisationId];
            var organisation = new Actor("webhooks", "Webhooks", endpoint.OrganisationId, kind, kind == OrganisationKind.Vendor ? PortalRole.ProgrammeAdmin : PortalRole.ReferralAdmin);
            var its = organisation.IsVendor ? vendorType : type;
            if (!endpoint.Wants(its) || !deal.IsVisibleTo(organisation) || (note is { VendorInternal: true } && !organisation.IsVendor))
            {
                continue;
            }

            if (!bodies.TryGetValue(its, out var body))
            {
                bodies[its] = body = Body(its, deal, entry, note, now);
            }

            db.WebhookDeliveries.Add(new WebhookDelivery(endpoint.Id, endpoint.OrganisationId, NewMessageId(), its, body, now));
        }
    }

    public static string NewMessageId() => WebhookDelivery.MessageIdPrefix + Guid.CreateVersion7().ToString("N");

    /// <summary>Standard Webhooks' body: <c>{ "type", "timestamp", "data" }</c>; data is the API's referral, plus what the event is about.</summary>
    private static string Body(string type, Deal deal, DealActivity entry, DealNote? note, DateTime now)
    {
        var data = JsonSerializer.SerializeToNode(ReferralResource.Of(deal), ApiJson.Options)!.AsObject();
        if (type == WebhookEventTypes.ReferralStatusChanged)
        {
            data["previousStatus"] = JsonSerializer.SerializeToNode(entry.FromStatus, ApiJson.Options);
        }

        if (type is WebhookEventTypes.ReferralStatusChanged or WebhookEventTypes.RegistrationStatusChanged && !string.IsNullOrWhiteSpace(entry.Reason))
        {
            data["reason"] = entry.Reason;
        }

        if (type == WebhookEventTypes.ReferralUpdated && entry.Field is { } field)
        {
            data["changedField"] = JsonSerializer.SerializeToNode(field, ApiJson.Options);
        }

        if (note is not null)
        {
            data["note"] = new JsonObject
            {
                ["authorName"] = note.AuthorName,
                ["text"] = note.Text,
                ["vendorInternal"] = note.VendorInternal,
                ["createdAt"] = ReferralResource.Utc(note.At),
            };
        }

        var message = new JsonObject
        {
            ["type"] = type,
            ["timestamp"] = ReferralResource.Utc(now),
            ["data"] = data,
        };
        return message.ToJsonString(ApiJson.Options);
    }

    private async Task LoadResourcePartsAsync(Deal deal, CancellationToken ct)
    {
        var entry = db.Entry(deal);
        if (entry.State == EntityState.Detached)
        {
            return;
        }

        if (!entry.Reference(d => d.Customer).IsLoaded)
        {
            await entry.Reference(d => d.Customer).LoadAsync(ct);
        }

        if (!entry.Collection(d => d.Solutions).IsLoaded)
        {
            await entry.Collection(d => d.Solutions).LoadAsync(ct);
        }
    }
}
