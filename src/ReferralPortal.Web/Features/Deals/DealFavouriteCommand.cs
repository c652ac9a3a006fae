using FluentValidation;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Organisations;

namespace ReferralPortal.Web.Features.Deals;

/// <summary>The star button's form: the state to set (not a toggle, so a double submit cannot undo itself) and where to go back.</summary>
public sealed class FavouriteInput
{
    public bool? Favourite { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed class FavouriteInputValidator : AbstractValidator<FavouriteInput>
{
    public FavouriteInputValidator()
    {
        RuleFor(x => x.Favourite).NotNull().WithMessage("Say whether to add or remove the favourite.");
    }
}

/// <summary>Adds or removes the current user's favourite on a deal they can see. Favourites are per user.</summary>
public sealed class DealFavouriteCommand(ReferralsDbContext db)
{
    /// <summary>False when the deal does not exist for this user (the caller answers 404).</summary>
    public async Task<bool> SetAsync(Actor actor, int dealId, bool favourite, CancellationToken ct)
    {
        var deal = await db.Deals.AsNoTracking().Where(d => d.Id == dealId)
            .Select(d => new { d.OwnerOrganisationId, d.DealType })
            .FirstOrDefaultAsync(ct);
        if (deal is null || !Deal.IsVisibleTo(actor, deal.OwnerOrganisationId, deal.DealType))
        {
            return false;
        }

        var mine = db.DealFavourites.Where(f => f.UserId == actor.UserId && f.DealId == dealId);
        if (!favourite)
        {
            await mine.ExecuteDeleteAsync(ct);
            return true;
        }

        if (await mine.AnyAsync(ct))
        {
            return true;
        }

        db.DealFavourites.Add(new DealFavourite(actor.UserId, dealId));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two clicks raced: the other request stored the same favourite, which is the outcome asked for.
            if (!await mine.AnyAsync(ct))
            {
                throw;
            }
        }

        return true;
    }
}
