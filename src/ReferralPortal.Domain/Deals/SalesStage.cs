using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Organisations;

namespace ReferralPortal.Domain.Deals;

/// <summary>SPEC 9: how far an Active deal has gone; each stage has a win probability.</summary>
public enum SalesStage
{
    Accepted,
    Qualified,
    Developed,
    Proposed,
    Negotiated,
    Won,
}

public static class SalesStages
{
    public static IReadOnlyList<SalesStage> All { get; } = Enum.GetValues<SalesStage>();

    /// <summary>The stage's win probability in percent: 10, 20, 40, 60, 80, 100.</summary>
    public static int Probability(SalesStage stage) => stage switch
    {
        SalesStage.Accepted => 10,
        SalesStage.Qualified => 20,
        SalesStage.Developed => 40,
        SalesStage.Proposed => 60,
        SalesStage.Negotiated => 80,
        _ => 100,
    };

    /// <summary>The value weighted by the stage's probability, rounded to cents.</summary>
    public static decimal Weighted(decimal value, SalesStage stage) => decimal.Round(value * Probability(stage) / 100m, 2);
}

public partial class Deal
{
    /// <summary>The stage of an Active deal (Won once won); null while the deal was never active.</summary>
    public SalesStage? Stage { get; private set; }

    /// <summary>Why the deal cannot move to this stage now (the actor may move stages), or null when it can.</summary>
    public string? WhyNotMoveTo(SalesStage to)
    {
        if (!Enum.IsDefined(to))
        {
            return "Choose a stage from the list.";
        }

        var current = Stage ?? SalesStage.Accepted;
        return to == SalesStage.Won ? "Mark the deal won to complete the sales stages."
            : to == current ? "The deal is already at this stage."
            : to < current - 1 ? "A deal moves to any later stage or back one stage."
            : null;
    }

    /// <summary>The stages this deal may move to now: any later one before Won, or the one before.</summary>
    public IReadOnlyList<SalesStage> NextStages() =>
        Status != DealStatus.Active ? [] : [.. SalesStages.All.Where(s => WhyNotMoveTo(s) is null)];

    /// <summary>The owner's admins and the deal team move an Active deal to a later stage or back one.</summary>
    public void MoveStage(Actor actor, SalesStage to, DateTime now)
    {
        Ensure(WhyNot(DealAction.MoveStage, actor, now));
        if (WhyNotMoveTo(to) is { } why)
        {
            throw new DomainException(why);
        }

        var from = Stage ?? SalesStage.Accepted;
        Stage = to;
        LogChange(ActivityKind.StageChanged, actor, now, DealField.Stage, from.ToString(), to.ToString());
    }
}
