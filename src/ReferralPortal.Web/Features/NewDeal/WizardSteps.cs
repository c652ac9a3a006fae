using ReferralPortal.Web.Resources;

namespace ReferralPortal.Web.Features.NewDeal;

/// <summary>The four steps of the New deal wizard, in order (SPEC 5).</summary>
public static class WizardSteps
{
    public const int Customer = 1;
    public const int Contact = 2;
    public const int Details = 3;
    public const int Sharing = 4;
    public const int Count = 4;

    public static string Name(int step) => SharedResource.Text(step switch
    {
        Customer => "Customer",
        Contact => "Customer contact",
        Details => "Deal details",
        _ => "Sharing",
    });
}
