using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Web.Infrastructure;
using ReferralPortal.Web.Resources;

namespace ReferralPortal.Web.Features.Workspace;

/// <summary>
/// Streams the current workspace view (all pages, same filters and order) as CSV: rows are read and written one
/// at a time, never buffered whole. Text that a spreadsheet would run as a formula is escaped, and a field holding
/// a comma or a semicolon is quoted, so a reader splitting on either separator never starts a cell inside a field.
/// The header and the status, type and registration labels are in the user's language, as on the page; values stay
/// invariant (ISO country codes, dates as ISO 8601 UTC, numbers with a decimal point) so any spreadsheet or script
/// reads them alike.
/// </summary>
public sealed class WorkspaceExport(WorkspaceDeals source, ReferralPortal.Data.ReferralsDbContext db)
{
    public const int MaxRows = 50_000;

    private static readonly CsvWriterOptions Csv = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,

        // A field holding either list separator goes in quotes, not only one holding the comma: Excel set to
        // Portuguese splits on ';', and "Q3;=cmd…" unquoted would start a cell with '=' where the injection escape
        // above (which sees only a field's first character) cannot reach. Quotes keep the whole field one cell.
        ShouldQuote = (field, _, _, _) => field.IndexOf(';') >= 0,
        WriteByteOrderMark = true, // Excel reads UTF-8 without a BOM as the local code page.
    };

    private static string[] Header() =>
    [
        SharedResource.Text("Referral ID"), SharedResource.Text("Deal name"), SharedResource.Text("Customer"), SharedResource.Text("Country"),
        SharedResource.Text("Value"), SharedResource.Text("Currency"), SharedResource.Text("Status"), SharedResource.Text("Deal type"),
        SharedResource.Text("Registration status"), SharedResource.Text("Sales stage"), SharedResource.Text("Review due"), SharedResource.Text("Solutions"), SharedResource.Text("Last updated"),
    ];

    public async Task WriteAsync(Stream body, Actor actor, WorkspaceTab tab, WorkspaceFilter filter, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(body, Csv, leaveOpen: true);

        // The vendor's export names each deal's partner (issue 19), last so the partners' columns stay as they were.
        var partners = actor.IsVendor
            ? await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Partner).ToDictionaryAsync(o => o.Id, o => o.Name, ct)
            : null;
        csv.WriteHeader(partners is null ? Header() : [.. Header(), SharedResource.Text("Partner")]);
        var written = 0;
        foreach (var part in WorkspaceDeals.InOrder(source.Filtered(actor, tab, filter), tab, filter))
        {
            if (written == MaxRows)
            {
                break;
            }

            await foreach (var r in Rows(part.Take(MaxRows - written)).WithCancellation(ct))
            {
                await WriteRowAsync(csv, r, partners is null ? null : partners.GetValueOrDefault(r.OwnerOrganisationId, string.Empty), ct);
                written++;
            }
        }

        await csv.FlushAsync(ct);
    }

    private sealed record ExportRow(
        int Id, string Name, string Customer, string LocationCountry, decimal Value, string Currency, DealStatus Status,
        DealType DealType, RegistrationStatus RegistrationStatus, SalesStage? Stage, DateTime? ReviewDueAt, DateTime UpdatedAt, string Solutions, int OwnerOrganisationId);

    private static IAsyncEnumerable<ExportRow> Rows(IQueryable<Deal> deals) =>
        deals.Select(d => new ExportRow(
                d.Id, d.Name, d.Customer.Name, d.LocationCountry, d.Value, d.Currency, d.Status, d.DealType, d.RegistrationStatus,
                d.Status == DealStatus.Active || d.Status == DealStatus.Won ? d.Stage : null,
                d.ReviewDueAt, d.UpdatedAt, string.Join("; ", d.Solutions.OrderBy(s => s.Name).Select(s => s.Name)), d.OwnerOrganisationId))
            .AsAsyncEnumerable();

    private static async Task WriteRowAsync(CsvWriter csv, ExportRow r, string? partner, CancellationToken ct)
    {
        string?[] fields =
        [
            Deal.FormatReferralId(r.Id),
            r.Name,
            r.Customer,
            r.LocationCountry,
            r.Value.ToString("0.00", CultureInfo.InvariantCulture),
            r.Currency,
            Format.Status(r.Status),
            Format.DealType(r.DealType),
            Format.Registration(r.RegistrationStatus),
            r.Stage is { } stage ? Format.StageName(stage) : string.Empty,
            r.ReviewDueAt?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            r.Solutions,
            r.UpdatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ];
        await csv.WriteRecordAsync(partner is null ? fields : [.. fields, partner], ct);
    }
}
