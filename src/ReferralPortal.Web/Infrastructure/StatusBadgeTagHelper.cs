using Microsoft.AspNetCore.Razor.TagHelpers;
using ReferralPortal.Domain.Deals;

namespace ReferralPortal.Web.Infrastructure;

/// <summary>
/// <c>&lt;status-badge status="..." /&gt;</c>: a deal's status as a coloured badge, the one way every page shows it.
/// A tag helper rather than a partial view: the workspace draws one per row.
/// </summary>
[HtmlTargetElement("status-badge", TagStructure = TagStructure.WithoutEndTag)]
public sealed class StatusBadgeTagHelper : TagHelper
{
    [HtmlAttributeName("status")]
    public DealStatus Status { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "badge badge-status " + Format.StatusClass(Status));
        output.Content.SetContent(Format.Status(Status));
    }
}
