using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;
using ReferralPortal.Web.Features.Deals;
using ReferralPortal.Web.Infrastructure;
using ReferralPortal.Web.Resources;

namespace ReferralPortal.Web.Features.Workspace;

/// <summary>The star toggle's model, shared by the workspace rows and the deal page.</summary>
public sealed record FavouriteStar(int DealId, bool IsFavourite, string ReturnUrl, bool ShowText = false, string? CssClass = null);

/// <summary>
/// <c>&lt;favourite-star model="..." /&gt;</c>: one star for a deal, a plain POST that redirects back (works without
/// JavaScript; workspace.js sends it with fetch instead). A tag helper rather than a partial view because the
/// workspace draws one per row: a partial per row (view lookup, activation, its own form tag helper) was a
/// measurable share of the list's CPU time.
/// </summary>
[HtmlTargetElement("favourite-star", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FavouriteStarTagHelper(IHtmlGenerator html, IStringLocalizer<SharedResource> t, LinkGenerator links) : TagHelper
{
    [HtmlAttributeName("model")]
    public FavouriteStar Model { get; set; } = default!;

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var star = Model;
        var label = star.IsFavourite ? t["Remove from favorites"].Value : t["Add to favorites"].Value;
        var buttonClass = "btn btn-favourite" + (star.IsFavourite ? " is-favourite" : null) + (star.CssClass is null ? null : " " + star.CssClass);

        output.TagName = "form";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("method", "post");
        output.Attributes.SetAttribute("action", links.GetPathByAction(ViewContext.HttpContext, nameof(DealsController.Favourite), PortalLinks.Controller<DealsController>(), new { id = star.DealId }) ?? throw new InvalidOperationException("No route generates the favourite link."));
        output.Attributes.SetAttribute("class", "favourite-form d-inline");

        var content = output.Content;
        content.AppendHtml("<input type=\"hidden\" name=\"Favourite\" value=\"").AppendHtml(star.IsFavourite ? "false" : "true").AppendHtml("\" />");
        content.AppendHtml("<input type=\"hidden\" name=\"ReturnUrl\" value=\"").Append(star.ReturnUrl).AppendHtml("\" />");
        content.AppendHtml("<button type=\"submit\" class=\"").Append(buttonClass)
            .AppendHtml("\" aria-label=\"").Append(label)
            .AppendHtml("\" title=\"").Append(label).AppendHtml("\">");
        content.AppendHtml("<span class=\"star\" aria-hidden=\"true\">").AppendHtml(star.IsFavourite ? "★" : "☆").AppendHtml("</span>");
        if (star.ShowText)
        {
            // The space the partial view's line break used to give, so the text sits where it did.
            content.AppendHtml(" <span class=\"favourite-text ms-1\">")
                .Append(star.IsFavourite ? t["Favorite"].Value : t["Add to favorites"].Value)
                .AppendHtml("</span>");
        }

        content.AppendHtml("</button>");

        // The same request token as every other form on the page: written out once per request and reused by every
        // star (the list draws one per row, and writing the hidden input was 3 % of a list request's CPU time).
        content.AppendHtml(AntiforgeryHtml());
    }

    private string AntiforgeryHtml()
    {
        var items = ViewContext.HttpContext.Items;
        if (items.TryGetValue(AntiforgeryKey, out var cached) && cached is string written)
        {
            return written;
        }

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        html.GenerateAntiforgery(ViewContext)?.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        var token = writer.ToString();
        items[AntiforgeryKey] = token;
        return token;
    }

    private static readonly object AntiforgeryKey = new();
}
