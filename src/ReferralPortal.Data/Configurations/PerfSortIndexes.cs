using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReferralPortal.Domain.Deals;

namespace ReferralPortal.Data.Configurations;

/// <summary>
/// Every column sort of the workspace read in index order (issue 17): for each sortable deal column, one index per
/// tab scope — a partner's tabs (owner + direction) and the vendor's (deal type + direction) — ending with the id,
/// the tie-break of every order, so a page of "sorted by value" reads 25 index entries forwards or backwards
/// instead of sorting every deal of the tab.
/// The customer name, stage and solutions sorts are over a joined or computed value and have no index here.
/// </summary>
internal static class PerfSortIndexes
{
    public static void Apply(EntityTypeBuilder<Deal> b)
    {
        b.HasIndex(d => new { d.OwnerOrganisationId, d.Direction, d.Name, d.Id });
        b.HasIndex(d => new { d.OwnerOrganisationId, d.Direction, d.Value, d.Id });
        b.HasIndex(d => new { d.OwnerOrganisationId, d.Direction, d.Status, d.Id });
        b.HasIndex(d => new { d.OwnerOrganisationId, d.Direction, d.DealType, d.Id });
        b.HasIndex(d => new { d.OwnerOrganisationId, d.Direction, d.RegistrationStatus, d.Id });
        b.HasIndex(d => new { d.OwnerOrganisationId, d.Direction, d.ReviewDueAt, d.Id });
        b.HasIndex(d => new { d.OwnerOrganisationId, d.Direction, d.LocationCountry, d.Id });

        b.HasIndex(d => new { d.DealType, d.Direction, d.Name, d.Id });
        b.HasIndex(d => new { d.DealType, d.Direction, d.Value, d.Id });
        b.HasIndex(d => new { d.DealType, d.Direction, d.Status, d.Id });
        b.HasIndex(d => new { d.DealType, d.Direction, d.RegistrationStatus, d.Id });
        b.HasIndex(d => new { d.DealType, d.Direction, d.ReviewDueAt, d.Id });
        b.HasIndex(d => new { d.DealType, d.Direction, d.LocationCountry, d.Id });
        b.HasIndex(d => new { d.DealType, d.Direction, d.UpdatedAt, d.Id });

        // The vendor's Type sort (its deal type is fixed by the scope, so the order is the id's). The Stage filter of
        // both scopes, newest first, is read from the stage's sort key (DealSortKeys.Configure).
        b.HasIndex(d => new { d.DealType, d.Direction, d.Id });

        // The vendor's Status filter, newest first (a partner's has its owner's Status + UpdatedAt index): without it
        // the page of a common status (205,000 Active shared deals at 1M) sorted every deal of that status.
        b.HasIndex(d => new { d.DealType, d.Direction, d.Status, d.UpdatedAt, d.Id });

        // Insights' "registrations awaiting" list and its count: the submitted ones of the scope, longest waiting first.
        b.HasIndex(d => new { d.RegistrationStatus, d.UpdatedAt, d.Id });
        b.HasIndex(d => new { d.OwnerOrganisationId, d.RegistrationStatus, d.UpdatedAt, d.Id });
        b.HasIndex(d => new { d.DealType, d.RegistrationStatus, d.UpdatedAt, d.Id });
    }
}
