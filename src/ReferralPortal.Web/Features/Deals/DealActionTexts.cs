using ReferralPortal.Domain.Deals;
using ReferralPortal.Web.Resources;

namespace ReferralPortal.Web.Features.Deals;

/// <summary>How each lifecycle action reads on the deal page and on its form: title, button and consequence (the URL is the route's: <c>Url.DealAction</c>).</summary>
public static class DealActionTexts
{
    public const string CannotBeUndone = "This cannot be undone.";

    public static string Title(DealAction action) => SharedResource.Text(action switch
    {
        DealAction.Accept => "Accept",
        DealAction.Decline => "Decline",
        DealAction.MarkWon => "Mark won",
        DealAction.MarkLost => "Mark lost",
        DealAction.CloseAsError => "Close as error",
        DealAction.UpgradeToCoSell => "Upgrade to co-sell",
        DealAction.SubmitRegistration => "Submit for registration",
        DealAction.ApproveRegistration => "Approve registration",
        DealAction.RejectRegistration => "Reject registration",
        _ => action.ToString(),
    });

    /// <summary>Actions that need a form or a confirmation page; the others are one click on the deal page.</summary>
    public static bool HasFormPage(DealAction action) => action is DealAction.Decline or DealAction.MarkWon or DealAction.MarkLost
        or DealAction.CloseAsError or DealAction.UpgradeToCoSell or DealAction.RejectRegistration;

    public static bool IsTerminalStep(DealAction action) => action is DealAction.Decline or DealAction.MarkWon or DealAction.MarkLost
        or DealAction.CloseAsError;

    public static string Consequence(DealAction action, string vendorName, int reviewWindowDays) => action switch
    {
        DealAction.Accept => SharedResource.Text("The referral becomes Active and the owner can work it to won or lost."),
        DealAction.Decline => SharedResource.Text("The referral closes as Declined with your reason.") + " " + SharedResource.Text(CannotBeUndone),
        DealAction.MarkWon => SharedResource.Text("The deal closes as Won.") + " " + SharedResource.Text(CannotBeUndone),
        DealAction.MarkLost => SharedResource.Text("The deal closes as Lost with your reason.") + " " + SharedResource.Text(CannotBeUndone),
        DealAction.CloseAsError => SharedResource.Text("The deal is closed as an error and leaves the pipeline.") + " " + SharedResource.Text(CannotBeUndone),
        DealAction.UpgradeToCoSell => SharedResource.Text("The deal is shared with {0}'s sales team: it becomes a New co-sell referral with a new {1}-day review window, and its registration eligibility is re-evaluated. Sharing cannot be switched back off.", vendorName, reviewWindowDays),
        DealAction.SubmitRegistration => SharedResource.Text("{0}'s reviewers will approve or reject the registration.", vendorName),
        DealAction.ApproveRegistration => SharedResource.Text("The partner's registration of this deal is approved."),
        DealAction.RejectRegistration => SharedResource.Text("The registration is rejected with your reason.") + " " + SharedResource.Text(CannotBeUndone),
        _ => string.Empty,
    };

    public static string Done(DealAction action) => SharedResource.Text(action switch
    {
        DealAction.Accept => "Referral accepted.",
        DealAction.Decline => "Referral declined.",
        DealAction.MarkWon => "Deal marked won.",
        DealAction.MarkLost => "Deal marked lost.",
        DealAction.CloseAsError => "Deal closed as error.",
        DealAction.UpgradeToCoSell => "Deal upgraded to co-sell and shared for review.",
        DealAction.SubmitRegistration => "Registration submitted.",
        DealAction.ApproveRegistration => "Registration approved.",
        DealAction.RejectRegistration => "Registration rejected.",
        DealAction.MoveStage => "Sales stage moved.",
        DealAction.ManageTeam => "Deal team updated.",
        DealAction.Edit => "Deal updated.",
        _ => "Done.",
    });
}
