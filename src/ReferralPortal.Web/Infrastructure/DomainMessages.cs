using ReferralPortal.Domain.Common;
using ReferralPortal.Web.Resources;

namespace ReferralPortal.Web.Infrastructure;

public static class DomainMessages
{
    /// <summary>
    /// A refusal in the current UI culture: its template is the resource key, its string arguments (field names such
    /// as "Company name") are translated too, and numbers are formatted for the culture. Use this, not
    /// <see cref="Exception.Message"/> (English), wherever a domain refusal is shown.
    /// </summary>
    public static string LocalizedMessage(this DomainException refusal) =>
        refusal.Args.Count == 0
            ? SharedResource.Text(refusal.Template)
            : SharedResource.Text(refusal.Template, [.. refusal.Args.Select(a => a is string word ? SharedResource.Text(word) : a)]);
}
