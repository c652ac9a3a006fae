namespace ReferralPortal.LoadDriver;

/// <summary>One complete New deal wizard run (filled in against the wizard's routes).</summary>
internal static class WizardSequence
{
    public static Task RunAsync(PortalSession session, int index) => throw new InvalidOperationException("Wizard sequence not scripted yet.");
}
