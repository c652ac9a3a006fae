using System.Linq.Expressions;
using ReferralPortal.Domain.Organisations;

namespace ReferralPortal.Domain.Deals;

/// <summary>
/// A rule about a deal at a moment, written once as an expression: queries filter with <see cref="At"/> (EF translates
/// it to SQL) and code holding a deal asks <see cref="Holds"/> (the same expression, compiled). A unit test of
/// <see cref="Holds"/> is therefore a test of what the sweep, the workspace badges and Insights select.
/// </summary>
public sealed class DealRule
{
    private readonly Expression<Func<Deal, DateTime, bool>> rule;
    private readonly Func<Deal, DateTime, bool> compiled;

    public DealRule(Expression<Func<Deal, DateTime, bool>> rule)
    {
        this.rule = rule;
        compiled = rule.Compile();
    }

    public bool Holds(Deal deal, DateTime now) => compiled(deal, now);

    /// <summary>The rule at <paramref name="now"/> as a filter; <paramref name="now"/> becomes a query parameter.</summary>
    public Expression<Func<Deal, bool>> At(DateTime now)
    {
        var at = Expression.Property(Expression.Constant(new Moment(now)), nameof(Moment.Value));
        return Expression.Lambda<Func<Deal, bool>>(new Substitute(rule.Parameters[1], at).Visit(rule.Body)!, rule.Parameters[0]);
    }

    /// <summary>This rule and another filter on the same deal.</summary>
    public Expression<Func<Deal, bool>> At(DateTime now, Expression<Func<Deal, bool>> and)
    {
        var first = At(now);
        var second = new Substitute(and.Parameters[0], first.Parameters[0]).Visit(and.Body)!;
        return Expression.Lambda<Func<Deal, bool>>(Expression.AndAlso(first.Body, second), first.Parameters[0]);
    }

    // A member of an object (not a constant) so that EF sends the time as a parameter and reuses the query plan.
    private sealed record Moment(DateTime Value);

    private sealed class Substitute(Expression from, Expression to) : ExpressionVisitor
    {
        public override Expression? Visit(Expression? node) => node == from ? to : base.Visit(node);
    }
}

/// <summary>
/// Where a deal stands in its review window (SPEC 3), each answer defined once. Only a New deal is under review;
/// its window is open until <see cref="Deal.ReviewDueAt"/> and overdue from that instant until the sweep expires it.
/// </summary>
public static class ReviewState
{
    /// <summary>"Due soon": at most this many days remain. The reminder goes out then, lists highlight the deal.</summary>
    public const int DueSoonDays = 3;

    /// <summary>SPEC 3: the review window a programme starts with (days); <c>Programme:ReviewWindowDays</c> may change it.</summary>
    public const int DefaultWindowDays = 14;

    /// <summary>The window has passed and nobody decided: the deal is, or is about to be, Expired.</summary>
    public static readonly DealRule Overdue = new((d, now) => d.Status == DealStatus.New && d.ReviewDueAt <= now);

    /// <summary>New and still inside its window: the receiving side may accept or decline.</summary>
    public static readonly DealRule AwaitingDecision = new((d, now) => d.Status == DealStatus.New && d.ReviewDueAt > now);

    /// <summary>Awaiting a decision with at most <see cref="DueSoonDays"/> days left.</summary>
    public static readonly DealRule DueSoon = new((d, now) =>
        d.Status == DealStatus.New && d.ReviewDueAt > now && d.ReviewDueAt <= now.AddDays(DueSoonDays));

    /// <summary>Due soon and the reminder of this window has not gone out (once per review window).</summary>
    public static readonly DealRule ReminderDue = new((d, now) =>
        d.Status == DealStatus.New && d.ReviewReminderSentAt == null && d.ReviewDueAt > now && d.ReviewDueAt <= now.AddDays(DueSoonDays));

    /// <summary>
    /// Deals whose decision belongs to this actor's side: the vendor decides outbound co-sell deals, a partner its own
    /// inbound ones. The query form of <see cref="Deal.IsReceivingSide"/> without the role (Insights shows the side's work).
    /// </summary>
    public static Expression<Func<Deal, bool>> DecidedBySideOf(Actor actor)
    {
        var organisation = actor.OrganisationId;
        return actor.IsVendor
            ? d => d.Direction == DealDirection.Outbound
            : d => d.Direction == DealDirection.Inbound && d.OwnerOrganisationId == organisation;
    }

    /// <summary>
    /// Deals this actor may decide: <see cref="DecidedBySideOf"/> for reviewers and partner admins, none for anyone
    /// else (a referral user cannot accept or decline, so nothing awaits their decision). Matches <see cref="Deal.IsReceivingSide"/>.
    /// </summary>
    public static Expression<Func<Deal, bool>> DecidedBy(Actor actor) =>
        actor.IsVendorReviewer || actor.IsPartnerAdmin ? DecidedBySideOf(actor) : d => false;
}

/// <summary>
/// The review countdown, defined once for lists, the deal page, reminders and e-mails: whole days remaining rounded
/// down ("n days left"), "due today" when less than 24 hours remain, "overdue" once the due time has passed.
/// </summary>
public readonly record struct ReviewCountdown(int DaysLeft, bool IsOverdue, bool IsDueSoon)
{
    /// <summary>The countdown of a deal in this state; null when it is not under review (not New, or no due date).</summary>
    public static ReviewCountdown? Of(DealStatus status, DateTime? due, DateTime now)
    {
        if (status != DealStatus.New || due is not { } d)
        {
            return null;
        }

        var remaining = d - now;
        return remaining <= TimeSpan.Zero
            ? new ReviewCountdown(0, IsOverdue: true, IsDueSoon: true)
            : new ReviewCountdown((int)Math.Floor(remaining.TotalDays), IsOverdue: false, IsDueSoon: remaining <= TimeSpan.FromDays(ReviewState.DueSoonDays));
    }

    public bool IsDueToday => !IsOverdue && DaysLeft == 0;
}
