using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ReferralPortal.Web.Infrastructure;

public static class UnreadableCheckboxes
{
    /// <summary>
    /// A checkbox cannot be re-rendered from a posted value that is not a boolean (the tag helper throws, a 500):
    /// forget such values before re-rendering the form; the binding error stays as the field's message.
    /// </summary>
    public static void ForgetUnreadableBooleans<TInput>(this ModelStateDictionary modelState, string prefix)
    {
        foreach (var property in typeof(TInput).GetProperties().Where(p => p.PropertyType == typeof(bool)))
        {
            var key = string.IsNullOrEmpty(prefix) ? property.Name : $"{prefix}.{property.Name}";
            if (modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
            {
                modelState.SetModelValue(key, rawValue: null, attemptedValue: null);
            }
        }
    }
}
