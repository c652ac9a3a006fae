namespace ReferralPortal.Web.Features.Workspace;

/// <summary>The star toggle's model, shared by the workspace rows and the deal page.</summary>
public sealed record FavouriteStar(int DealId, bool IsFavourite, string ReturnUrl, bool ShowText = false, string? CssClass = null);
