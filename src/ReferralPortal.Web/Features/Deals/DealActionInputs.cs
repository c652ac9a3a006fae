using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using ReferralPortal.Domain.Deals;

namespace ReferralPortal.Web.Features.Deals;

/// <summary>
/// A lifecycle form page: the deal it acts on, which action, and what was entered. The version travels in a hidden
/// field, so a message about it has no field to go to.
/// </summary>
public sealed record DealActionPage<TInput>(Deal Deal, DealAction Action, TInput Input, [property: HiddenInput] int Version);

/// <summary>Confirmation-only steps (Mark won, Upgrade to co-sell) have no fields.</summary>
public sealed class ConfirmInput;

/// <summary>Decline and Mark lost: a close reason from SPEC 3 and an optional comment.</summary>
public sealed class CloseInput
{
    public CloseReason? Reason { get; set; }

    public string? Comment { get; set; }
}

public sealed class CloseInputValidator : AbstractValidator<CloseInput>
{
    public CloseInputValidator()
    {
        RuleFor(x => x.Reason).NotNull().WithMessage("Choose a reason.").IsInEnum().WithMessage("Choose a reason from the list.");
        RuleFor(x => x.Comment).MaximumLength(1000).WithMessage("Comment must be at most 1000 characters.");
    }
}

/// <summary>Close as error: an error reason; "Other" needs a note.</summary>
public sealed class CloseAsErrorInput
{
    public ErrorReason? Reason { get; set; }

    public string? Note { get; set; }
}

public sealed class CloseAsErrorInputValidator : AbstractValidator<CloseAsErrorInput>
{
    public CloseAsErrorInputValidator()
    {
        RuleFor(x => x.Reason).NotNull().WithMessage("Choose a reason.").IsInEnum().WithMessage("Choose a reason from the list.");
        RuleFor(x => x.Note).NotEmpty().When(x => x.Reason == ErrorReason.Other).WithMessage("Explain the error in a note when the reason is Other.");
        RuleFor(x => x.Note).MaximumLength(1000).WithMessage("Note must be at most 1000 characters.");
    }
}

/// <summary>Reject registration: the reason is required.</summary>
public sealed class RejectRegistrationInput
{
    public string? Reason { get; set; }
}

public sealed class RejectRegistrationInputValidator : AbstractValidator<RejectRegistrationInput>
{
    public RejectRegistrationInputValidator()
    {
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Give the reason for rejecting the registration.")
            .MaximumLength(1000).WithMessage("Reason must be at most 1000 characters.");
    }
}

/// <summary>The heading part shared by the action forms.</summary>
public sealed record DealActionIntro(Deal Deal, DealAction Action);
