using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using ReferralPortal.Web.Resources;

namespace ReferralPortal.Web.Infrastructure;

public static class ModelStateValidation
{
    /// <summary>
    /// Copies validator failures into ModelState under the form's prefix, so <c>asp-validation-for</c> shows
    /// them next to the field. A field that already failed model binding keeps only its binding message.
    /// </summary>
    public static void AddFailures(this ModelStateDictionary modelState, ValidationResult result, string prefix)
    {
        foreach (var failure in result.Errors)
        {
            var key = string.IsNullOrEmpty(prefix) ? failure.PropertyName : $"{prefix}.{failure.PropertyName}";
            if (modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
            {
                continue;
            }

            // A rule whose text names a value ("{0}'s sales team") carries it as its state (FieldRules.WithText).
            modelState.AddModelError(key, failure.CustomState is object[] args ? SharedResource.Text(failure.ErrorMessage, args) : SharedResource.Text(failure.ErrorMessage));
        }
    }
}
