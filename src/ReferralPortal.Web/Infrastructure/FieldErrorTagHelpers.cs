using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ReferralPortal.Web.Infrastructure;

/// <summary>
/// Ties each field to its message for screen readers: the <c>asp-validation-for</c> span gets the id
/// "{field id}-error", and the field gets <c>aria-describedby</c> pointing at it (kept beside any it had)
/// plus <c>aria-invalid</c> when the server found it wrong.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
public sealed class FieldDescribedByTagHelper : TagHelper
{
    // After the framework's input/select/textarea tag helpers, which write the id.
    public override int Order => 1000;

    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = default!;

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var type = output.Attributes["type"]?.Value?.ToString();
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var invalid = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0;

        // Check boxes rarely carry a message of their own: point at one only when there is one to read.
        if (type is "hidden" || (type is "checkbox" or "radio" && !invalid))
        {
            return;
        }

        var id = output.Attributes["id"]?.Value?.ToString() ?? TagBuilder.CreateSanitizedId(name, "_");
        var errorId = FieldErrors.IdFor(id);
        var existing = output.Attributes["aria-describedby"]?.Value?.ToString();
        output.Attributes.SetAttribute("aria-describedby", string.IsNullOrEmpty(existing) ? errorId : $"{existing} {errorId}");
        if (invalid)
        {
            output.Attributes.SetAttribute("aria-invalid", "true");
        }
    }
}

/// <summary>Gives the <c>asp-validation-for</c> message its id, so the field can point at it.</summary>
[HtmlTargetElement("span", Attributes = "asp-validation-for")]
public sealed class FieldErrorIdTagHelper : TagHelper
{
    public override int Order => 1000;

    [HtmlAttributeName("asp-validation-for")]
    public ModelExpression For { get; set; } = default!;

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        output.Attributes.SetAttribute("id", FieldErrors.IdFor(TagBuilder.CreateSanitizedId(name, "_")));
    }
}

public static class FieldErrors
{
    public static string IdFor(string fieldId) => fieldId + "-error";
}
