using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ReferralPortal.Web.Infrastructure;

/// <summary>
/// <c>&lt;local-time value="..." /&gt;</c>: the one way a page shows a moment. The server writes it in UTC and says so
/// ("29 Nov 2026 08:44 UTC"), with a machine-readable <c>datetime</c> in ISO 8601 (milliseconds, <c>Z</c>); site.js
/// then shows it in the browser's own time zone, named, and keeps the UTC text as the tooltip. Without JavaScript
/// the UTC text stays, which is still unambiguous.
/// </summary>
[HtmlTargetElement("local-time", TagStructure = TagStructure.WithoutEndTag)]
public sealed class LocalTimeTagHelper : TagHelper
{
    [HtmlAttributeName("value")]
    public DateTime Value { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var utc = Format.DateTime(Value);
        output.TagName = "time";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("datetime", Format.IsoUtc(Value));
        output.Attributes.SetAttribute("title", utc);
        output.Attributes.SetAttribute("data-local-time", null);
        output.Content.SetContent(utc);
    }
}
