using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using ReferralPortal.Web.Resources;

namespace ReferralPortal.Web.Infrastructure;

/// <summary>
/// <c>&lt;error-summary /&gt;</c>: the GOV.UK-style "There is a problem" box at the top of a form. With errors in
/// ModelState it lists each one, a field's message as a link to the field (the id <c>asp-for</c> gives it); a
/// message not about one field (key "", or a key that names no field of the page's model) as plain text. Without
/// errors it renders the same box empty and hidden, for wwwroot/js/site.js to fill when client-side validation
/// stops a submit, so the page behaves the same with and without JavaScript.
/// </summary>
[HtmlTargetElement("error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed partial class ErrorSummaryTagHelper : TagHelper
{
    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var items = Items(ViewContext.ViewData.ModelState, ViewContext.ViewData.ModelMetadata).ToList();

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "alert alert-danger error-summary");
        output.Attributes.SetAttribute("role", "alert");
        output.Attributes.SetAttribute("tabindex", "-1");
        output.Attributes.SetAttribute(new TagHelperAttribute("data-error-summary"));
        if (items.Count == 0)
        {
            output.Attributes.SetAttribute(new TagHelperAttribute("hidden"));
        }

        var heading = new TagBuilder("h2");
        heading.AddCssClass("h5 alert-heading");
        heading.InnerHtml.Append(SharedResource.Text("There is a problem"));

        var list = new TagBuilder("ul");
        list.AddCssClass("mb-0");
        foreach (var (message, fieldId) in items)
        {
            var item = new TagBuilder("li");
            if (fieldId is null)
            {
                item.InnerHtml.Append(message);
            }
            else
            {
                var link = new TagBuilder("a");
                link.AddCssClass("alert-link");
                link.Attributes["href"] = "#" + fieldId;
                link.InnerHtml.Append(message);
                item.InnerHtml.AppendHtml(link);
            }

            list.InnerHtml.AppendHtml(item);
        }

        output.Content.AppendHtml(heading).AppendHtml(list);
    }

    /// <summary>
    /// Messages not about a field first (model-level ones, and keys no field holds), then each invalid field's first
    /// message (the one shown beside it) in the order the model declares its fields, which is the form's order.
    /// </summary>
    private static IEnumerable<(string Message, string? FieldId)> Items(ModelStateDictionary modelState, ModelMetadata model)
    {
        var invalid = modelState
            .Select(e => (e.Key, Messages: e.Value?.Errors.Select(x => x.ErrorMessage).Where(m => m.Length > 0).ToList() ?? []))
            .Where(e => e.Messages.Count > 0)
            .Select(e => (e.Key, e.Messages, Field: e.Key.Length == 0 ? null : Field(e.Key, model)))
            .ToList();
        var general = invalid.Where(e => e.Field is null).SelectMany(e => e.Key.Length == 0 ? e.Messages : e.Messages.Take(1));
        var fields = invalid.Where(e => e.Field is not null).OrderBy(e => e.Field!.Value.Position, StringComparer.Ordinal);
        return general.Select(m => (m, (string?)null))
            .Concat(fields.Select(e => (e.Messages[0], (string?)e.Field!.Value.Id)));
    }

    /// <summary>
    /// The field a ModelState key belongs to: its id is <c>TagBuilder.CreateSanitizedId</c> of the property path, as
    /// the input tag helper makes it (a check box or radio group puts that id on its fieldset); its position is the
    /// index of each property along the path ("0002.0007", sortable as text). ModelState keys ignore case ("input.Name"
    /// when the action's parameter is called input), so the path takes the properties' own spelling. Null when the key
    /// names no property of the page's model, as a hand-named value ("customerId") does, or a property carried in a hidden
    /// field: there is no field to go to.
    /// </summary>
    private static (string Id, string Position)? Field(string key, ModelMetadata model)
    {
        var metadata = model;
        var path = new List<string>();
        var position = new List<string>();

        // "Input.SolutionIds[0]" is a message about the Input.SolutionIds field.
        foreach (var name in Indexer().Replace(key, string.Empty).Split('.'))
        {
            var properties = metadata.Properties.ToList();
            var index = properties.FindIndex(p => string.Equals(p.PropertyName, name, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                return null;
            }

            metadata = properties[index];
            path.Add(metadata.PropertyName!);
            position.Add(index.ToString("D4", CultureInfo.InvariantCulture));
        }

        // A value carried in a hidden field (a version) has nothing the user can go to and change.
        if (metadata.TemplateHint == "HiddenInput")
        {
            return null;
        }

        return (TagBuilder.CreateSanitizedId(string.Join('.', path), "_"), string.Join('.', position));
    }

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Indexer();
}
