using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Organisations;

namespace ReferralPortal.Domain.Deals;

public partial class Deal
{
    private const string TerminalMessage = "This deal is closed; only notes can be added.";
    private const string ChooseAReason = "Choose a reason from the list.";

    /// <summary>Why the actor may not take this action now, or null when allowed.</summary>
    public string? WhyNot(DealAction action, Actor actor, DateTime now)
    {
        if (!IsVisibleTo(actor))
        {
            return "You do not have access to this deal.";
        }

        if (action == DealAction.AddNote)
        {
            return null;
        }

        if (IsTerminal)
        {
            return TerminalMessage;
        }

        return action switch
        {
            DealAction.Accept or DealAction.Decline => WhyNotDecide(actor, now),
            DealAction.MarkWon or DealAction.MarkLost => !IsOwnerAdmin(actor) ? "Only the owner's referral admins can close a deal."
                : Status != DealStatus.Active ? "Only an active deal can be marked won or lost." : null,
            DealAction.CloseAsError => !IsOwnerAdmin(actor) ? "Only the owner's referral admins can change this deal." : null,
            DealAction.Edit => !IsOwnerAdmin(actor) && !IsTeamMember(actor) ? "Only the owner's referral admins and the deal team can edit this deal." : null,
            DealAction.MoveStage => !IsOwnerAdmin(actor) && !IsTeamMember(actor) ? "Only the owner's referral admins and the deal team can move the sales stage."
                : Status != DealStatus.Active ? "Only an active deal moves through the sales stages." : null,
            DealAction.ManageTeam => !IsOwnerAdmin(actor) ? "Only the owner's referral admins can change the deal team." : null,
            DealAction.UpgradeToCoSell => !IsOwnerAdmin(actor) ? "Only the owner's referral admins can upgrade a deal."
                : DealType != DealType.Private ? "This deal is already co-sell." : null,
            DealAction.SubmitRegistration => !IsOwnerAdmin(actor) ? "Only the owner's referral admins can submit a registration."
                : Status != DealStatus.Active ? "Only an active deal can be registered."
                : RegistrationStatus != RegistrationStatus.NotRegistered ? "This deal is not awaiting registration." : null,
            DealAction.ApproveRegistration or DealAction.RejectRegistration => !actor.IsVendorReviewer ? "Only vendor reviewers decide registrations."
                : RegistrationStatus != RegistrationStatus.Submitted ? "No registration is awaiting a decision." : null,
            _ => "Unknown action.",
        };
    }

    private string? WhyNotDecide(Actor actor, DateTime now)
    {
        if (Status != DealStatus.New)
        {
            return "Only a new referral can be accepted or declined.";
        }

        if (!IsReceivingSide(actor))
        {
            return Direction == DealDirection.Outbound
                ? "Only the vendor's reviewers can accept or decline this referral."
                : "Only the partner's referral admins can accept or decline this referral.";
        }

        return IsReviewOverdue(now) ? "The review window has passed." : null;
    }

    /// <summary>The actions this actor may take now (the deal page shows exactly these).</summary>
    public IReadOnlyList<DealAction> AllowedActions(Actor actor, DateTime now) =>
        [.. Enum.GetValues<DealAction>().Where(a => WhyNot(a, actor, now) is null)];

    /// <summary>
    /// The receiving side accepts a New referral before its review due date; it starts at the Accepted stage, and the
    /// partner admin who accepts an inbound referral joins its team.
    /// </summary>
    public void Accept(Actor actor, DateTime now)
    {
        Ensure(WhyNot(DealAction.Accept, actor, now));
        if (Direction == DealDirection.Inbound && !IsOnTeam(actor.UserId) && team.Count < MaxTeamSize)
        {
            team.Add(new DealTeamMember(actor.UserId, now));
            LogChange(ActivityKind.TeamMemberAdded, actor, now, DealField.Team, null, actor.DisplayName);
        }

        Stage ??= SalesStage.Accepted;
        Move(DealStatus.Active, ActivityKind.Accepted, actor, now, null, null);
        DecidedAt = now;
    }

    /// <summary>The receiving side declines a New referral with a reason.</summary>
    public void Decline(Actor actor, CloseReason reason, string? comment, DateTime now)
    {
        Ensure(WhyNot(DealAction.Decline, actor, now));
        var text = RecordCloseReason(reason, comment);
        DecidedAt = now;
        Move(DealStatus.Declined, ActivityKind.Declined, actor, now, CloseReason.ToString(), text);
    }

    /// <summary>The system expires a New deal whose review due date has passed.</summary>
    public void Expire(DateTime now)
    {
        if (!IsReviewOverdue(now))
        {
            throw new DomainException("Only a new deal past its review due date can expire.");
        }

        DecidedAt = now;
        Move(DealStatus.Expired, ActivityKind.Expired, null, now, null, null);
    }

    /// <summary>The owner's admin marks an Active deal won, from any stage: it completes the stages.</summary>
    public void MarkWon(Actor actor, DateTime now)
    {
        Ensure(WhyNot(DealAction.MarkWon, actor, now));
        Stage = SalesStage.Won;
        Move(DealStatus.Won, ActivityKind.Won, actor, now, null, null);
    }

    /// <summary>The owner's admin marks an Active deal lost, with a reason.</summary>
    public void MarkLost(Actor actor, CloseReason reason, string? comment, DateTime now)
    {
        Ensure(WhyNot(DealAction.MarkLost, actor, now));
        var text = RecordCloseReason(reason, comment);
        Move(DealStatus.Lost, ActivityKind.Lost, actor, now, CloseReason.ToString(), text);
    }

    // Declined and Lost keep a listed reason and an optional comment (SPEC 3 and 4).
    private string? RecordCloseReason(CloseReason reason, string? comment)
    {
        CloseReason = Guard.Listed(reason, ChooseAReason);
        CloseComment = Guard.OptionalText(comment, "Comment", 1000);
        return CloseComment;
    }

    /// <summary>The owner's admin closes a non-terminal deal as an error; "Other" needs a note.</summary>
    public void CloseAsError(Actor actor, ErrorReason reason, string? note, DateTime now)
    {
        Ensure(WhyNot(DealAction.CloseAsError, actor, now));
        reason = Guard.Listed(reason, ChooseAReason);
        var text = Guard.OptionalText(note, "Note", 1000);
        if (reason == Deals.ErrorReason.Other && text is null)
        {
            throw new DomainException("Explain the error in a note when the reason is Other.");
        }

        ErrorReason = reason;
        CloseComment = text;
        Move(DealStatus.ClosedAsError, ActivityKind.ClosedAsError, actor, now, reason.ToString(), text);
    }

    /// <summary>The owner's admin shares a private deal: it becomes co-sell and New with a fresh review window.</summary>
    public void UpgradeToCoSell(Actor actor, DateTime now, TimeSpan reviewWindow)
    {
        Ensure(WhyNot(DealAction.UpgradeToCoSell, actor, now));
        var from = Status;
        DealType = DealType.CoSell;
        Status = DealStatus.New;
        SharedAt = now;
        ReviewDueAt = now + reviewWindow;
        DecidedAt = null;
        ReviewReminderSentAt = null;
        RegistrationStatus = EvaluateRegistration();
        Log(ActivityKind.UpgradedToCoSell, actor, now, from, DealStatus.New, null, null);
    }

    /// <summary>The owner's admin submits an eligible Active co-sell deal for registration.</summary>
    public void SubmitRegistration(Actor actor, DateTime now)
    {
        Ensure(WhyNot(DealAction.SubmitRegistration, actor, now));
        RegistrationStatus = RegistrationStatus.Submitted;
        Log(ActivityKind.RegistrationSubmitted, actor, now, null, null, null, null);
    }

    /// <summary>A vendor reviewer approves a submitted registration.</summary>
    public void ApproveRegistration(Actor actor, DateTime now)
    {
        Ensure(WhyNot(DealAction.ApproveRegistration, actor, now));
        RegistrationStatus = RegistrationStatus.Approved;
        Log(ActivityKind.RegistrationApproved, actor, now, null, null, null, null);
    }

    /// <summary>A vendor reviewer rejects a submitted registration; a reason is required.</summary>
    public void RejectRegistration(Actor actor, string reason, DateTime now)
    {
        Ensure(WhyNot(DealAction.RejectRegistration, actor, now));
        var text = Guard.Text(reason, "Reason", 1, 1000);
        RegistrationStatus = RegistrationStatus.Rejected;
        RegistrationRejectionReason = text;
        Log(ActivityKind.RegistrationRejected, actor, now, null, null, text, null);
    }

    /// <summary>
    /// The owner's admins and the deal team edit a non-terminal deal: name, value and currency, close date (today or
    /// later when it changes), placeholder flag and notes, solutions, and the contact while the deal is private. The
    /// customer and the location never change. Each changed field is one activity entry; returns how many changed.
    /// </summary>
    public int Edit(Actor actor, DealDetails details, DealContact? contact, IReadOnlyCollection<Solution> attached, DateTime now)
    {
        Ensure(WhyNot(DealAction.Edit, actor, now));
        if (!string.Equals(details.LocationCountry?.Trim(), LocationCountry, StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainException("The deal location cannot change after creation.");
        }

        var today = details.EstimatedCloseDate != EstimatedCloseDate ? DateOnly.FromDateTime(now) : (DateOnly?)null;
        var valid = details.Validated(today);
        var newContact = contact is { IsEmpty: false } ? contact : null;
        if (newContact != Contact && SharedAt is not null)
        {
            throw new DomainException("The customer contact cannot change once the deal is shared with the vendor.");
        }

        if (attached.Count == 0 && Direction == DealDirection.Outbound)
        {
            throw new DomainException("Choose at least one solution.");
        }

        if (attached.Any(s => s.OrganisationId != OwnerOrganisationId || !s.IsPublished))
        {
            throw new DomainException("Choose only your organisation's published solutions.");
        }

        var before = activities.Count;
        void Changed(DealField field, string? old, string? @new)
        {
            if (old != @new)
            {
                LogChange(ActivityKind.Edited, actor, now, field, old, @new);
            }
        }

        Changed(DealField.Name, Name, valid.Name);
        Changed(DealField.Value, DealFieldValues.Money(Value, Currency), DealFieldValues.Money(valid.Value, valid.Currency));
        Changed(DealField.CloseDate, DealFieldValues.Date(EstimatedCloseDate), DealFieldValues.Date(valid.EstimatedCloseDate));
        Changed(DealField.Placeholder, DealFieldValues.Flag(ContainsPlaceholderData), DealFieldValues.Flag(valid.ContainsPlaceholderData));
        Changed(DealField.Notes, Notes, valid.Notes);
        var newSolutions = attached.DistinctBy(s => s.Id).ToList();
        Changed(DealField.Solutions, SolutionNames(solutions), SolutionNames(newSolutions));
        Changed(DealField.Contact, DealFieldValues.Contact(Contact), DealFieldValues.Contact(newContact));

        ApplyDetails(valid with { LocationCountry = LocationCountry });
        Contact = newContact;
        if (!solutions.Select(s => s.Id).Order().SequenceEqual(newSolutions.Select(s => s.Id).Order()))
        {
            solutions.Clear();
            solutions.AddRange(newSolutions);
        }

        RegistrationStatus = EvaluateRegistration();
        return activities.Count - before;
    }

    private static string SolutionNames(IEnumerable<Solution> list) => string.Join("; ", list.Select(s => s.Name).Order(StringComparer.Ordinal));

    /// <summary>
    /// Anyone who can see the deal adds a note; only vendor users can keep it internal to the vendor, and an
    /// internal note leaves the deal's "Last updated" as the partner knows it.
    /// </summary>
    public DealNote AddNote(Actor actor, string text, bool vendorInternal, DateTime now)
    {
        Ensure(WhyNot(DealAction.AddNote, actor, now));
        var note = new DealNote(actor.UserId, actor.DisplayName, actor.OrganisationId, text, vendorInternal && actor.IsVendor, now);
        notes.Add(note);
        Log(ActivityKind.NoteAdded, actor, now, null, null, null, null, visibleToOwner: !note.VendorInternal);
        return note;
    }

    private void Move(DealStatus to, ActivityKind kind, Actor? actor, DateTime now, string? reason, string? comment)
    {
        var from = Status;
        Status = to;
        Log(kind, actor, now, from, to, reason, comment);
    }
}
