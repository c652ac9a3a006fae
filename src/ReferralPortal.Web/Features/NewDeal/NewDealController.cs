using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Web.Features.Workspace;
using ReferralPortal.Web.Infrastructure;
using ReferralPortal.Web.Resources;

namespace ReferralPortal.Web.Features.NewDeal;

/// <summary>
/// The New deal wizard: four steps, each saved into the user's draft (the draft id is in the URL). The
/// gate filter re-checks "may this user create deals?" before every action, whatever the button showed.
/// </summary>
[Route("deals/new")]
[ServiceFilter<RequireDealCreationFilter>]
public sealed class NewDealController(
    CurrentTenant current,
    DraftStore drafts,
    CustomerDirectory directory,
    IPartnerSolutions solutions,
    IOptions<ProgrammeOptions> programme) : Controller
{
    /// <summary>The action method showing each wizard step: its route attribute is the step's only URL (see <c>PortalLinks.WizardStep</c>).</summary>
    public static string ActionFor(int step) => step switch
    {
        WizardSteps.Customer => nameof(Customer),
        WizardSteps.Contact => nameof(Contact),
        WizardSteps.Details => nameof(Details),
        _ => nameof(Sharing),
    };

    // ---- Step 1: customer -------------------------------------------------------------------

    [HttpGet("")]
    public Task<IActionResult> Start(string? country, string? name, bool manual, CancellationToken ct) =>
        CustomerPageAsync(null, null, country, name, manual, null, ct);

    [HttpGet("{draftId:guid}/customer")]
    public async Task<IActionResult> Customer(Guid draftId, string? country, string? name, bool manual, CancellationToken ct)
    {
        var (open, stop) = await OpenAsync(draftId, WizardSteps.Customer, ct);
        return stop ?? await CustomerPageAsync(draftId, open!.State, country, name, manual, null, ct);
    }

    // Order -1: a link to these two actions with a draft id is generated on the draft's route, not as a query string.
    [HttpPost("customer/select")]
    [HttpPost("{draftId:guid}/customer/select", Order = -1)]
    public async Task<IActionResult> SelectCustomer(Guid? draftId, int customerId, string? country, string? name, CancellationToken ct)
    {
        var (open, stop) = await OpenOrStartAsync(draftId, ct);
        if (stop is not null)
        {
            return stop;
        }

        var customer = await directory.FindAsync(customerId, ct);
        if (customer is null)
        {
            ModelState.AddModelError("customerId", SharedResource.Text("Choose a customer from the search results."));
            return await CustomerPageAsync(draftId, open?.State, country, name, false, null, ct);
        }

        return await SaveCustomerAsync(open, customer.Id, customer.Name, customer.Country, ct);
    }

    [HttpPost("customer/manual")]
    [HttpPost("{draftId:guid}/customer/manual", Order = -1)]
    public async Task<IActionResult> AddCustomer(Guid? draftId, [Bind(Prefix = "Manual")] ManualCustomerInput manual, [FromServices] IValidator<ManualCustomerInput> validator, CancellationToken ct)
    {
        var (open, stop) = await OpenOrStartAsync(draftId, ct);
        if (stop is not null)
        {
            return stop;
        }

        ModelState.AddFailures(await validator.ValidateAsync(manual, ct), "Manual");
        if (!ModelState.IsValid)
        {
            return await CustomerPageAsync(draftId, open?.State, manual.Country, null, true, manual, ct);
        }

        var (customer, reused) = await directory.AddManualAsync(manual, ct);
        if (reused)
        {
            TempData["Flash"] = SharedResource.Text("{0} is already in the customer directory, so the existing record is used.", customer.Name);
        }

        return await SaveCustomerAsync(open, customer.Id, customer.Name, customer.Country, ct);
    }

    private async Task<IActionResult> SaveCustomerAsync(OpenDraft? open, int customerId, string customerName, string country, CancellationToken ct)
    {
        var draft = open?.Draft ?? drafts.Start(current.Actor);
        var state = open?.State ?? new NewDealState();
        if (state.CustomerId != customerId)
        {
            // The deal location defaults to the customer's country: when the user kept that default, it follows the
            // new customer (issue 18, defect 3); a location they chose themselves stays.
            if (state.Details is { } details && details.LocationCountry == state.CustomerCountry)
            {
                details.LocationCountry = country;
            }

            state.CustomerId = customerId;
            state.CustomerName = customerName;
            state.CustomerCountry = country;
        }

        await drafts.SaveAsync(draft, state, WizardSteps.Customer, ct);
        return Redirect(Url.WizardStep(draft.Id, WizardSteps.Contact));
    }

    private async Task<IActionResult> CustomerPageAsync(Guid? draftId, NewDealState? state, string? country, string? name, bool manual, ManualCustomerInput? input, CancellationToken ct)
    {
        var chosen = Countries.IsKnown(country?.ToUpperInvariant()) ? country!.ToUpperInvariant()
            : state?.CustomerCountry ?? await directory.HomeCountryAsync(current.Actor.OrganisationId, ct);
        var query = name?.Trim() ?? string.Empty;
        var searched = query.Length is >= 2 and <= 200;
        var matches = searched ? await directory.SearchAsync(chosen, query, ct) : [];
        var manualInput = input ?? new ManualCustomerInput { Country = chosen, Name = query.Length > 0 ? query : null };
        return View("Customer", new CustomerStepPage(draftId, chosen, name, searched, matches, manual, manualInput, state?.CustomerName));
    }

    // ---- Step 2: contact --------------------------------------------------------------------

    [HttpGet("{draftId:guid}/contact")]
    public async Task<IActionResult> Contact(Guid draftId, CancellationToken ct)
    {
        var (open, stop) = await OpenAsync(draftId, WizardSteps.Contact, ct);
        return stop ?? View("Contact", new ContactStepPage(draftId, open!.State.CustomerName ?? string.Empty, open.State.Contact ?? new ContactStepInput()));
    }

    [HttpPost("{draftId:guid}/contact")]
    public async Task<IActionResult> Contact(Guid draftId, [Bind(Prefix = "Input")] ContactStepInput input, string? skip, [FromServices] IValidator<ContactStepInput> validator, CancellationToken ct)
    {
        var (open, stop) = await OpenAsync(draftId, WizardSteps.Contact, ct);
        if (stop is not null)
        {
            return stop;
        }

        if (skip is null)
        {
            ModelState.AddFailures(await validator.ValidateAsync(input, ct), "Input");
            if (!ModelState.IsValid)
            {
                return View("Contact", new ContactStepPage(draftId, open!.State.CustomerName ?? string.Empty, input));
            }
        }

        open!.State.Contact = skip is not null || input.IsEmpty ? null : input;
        await drafts.SaveAsync(open.Draft, open.State, WizardSteps.Contact, ct);
        return Redirect(Url.WizardStep(draftId, WizardSteps.Details));
    }

    // ---- Step 3: deal details ---------------------------------------------------------------

    [HttpGet("{draftId:guid}/details")]
    public async Task<IActionResult> Details(Guid draftId, CancellationToken ct)
    {
        var (open, stop) = await OpenAsync(draftId, WizardSteps.Details, ct);
        if (stop is not null)
        {
            return stop;
        }

        var input = open!.State.Details ?? new DetailsStepInput
        {
            // The deal location defaults to the customer's country (SPEC 2).
            LocationCountry = open.State.CustomerCountry,
            Currency = programme.Value.OfferedCurrencies.Count > 0 ? programme.Value.OfferedCurrencies[0] : null,
        };
        return await DetailsPageAsync(open, input, ct);
    }

    [HttpPost("{draftId:guid}/details")]
    public async Task<IActionResult> Details(Guid draftId, [Bind(Prefix = "Input")] DetailsStepInput input, [FromServices] IValidator<DetailsStepInput> validator, CancellationToken ct)
    {
        var (open, stop) = await OpenAsync(draftId, WizardSteps.Details, ct);
        if (stop is not null)
        {
            return stop;
        }

        ModelState.AddFailures(await validator.ValidateAsync(input, ct), "Input");
        if (!ModelState.IsValid)
        {
            ModelState.ForgetUnreadableBooleans<DetailsStepInput>("Input");
            return await DetailsPageAsync(open!, input, ct);
        }

        input.SolutionIds = [.. input.SolutionIds.Distinct()];
        open!.State.Details = input;
        await drafts.SaveAsync(open.Draft, open.State, WizardSteps.Details, ct);
        return Redirect(Url.WizardStep(draftId, WizardSteps.Sharing));
    }

    private async Task<IActionResult> DetailsPageAsync(OpenDraft open, DetailsStepInput input, CancellationToken ct) =>
        View("Details", new DetailsStepPage(open.Draft.Id, open.State.CustomerName ?? string.Empty, input, await solutions.PublishedAsync(ct), programme.Value.OfferedCurrencies));

    // ---- Step 4: sharing and create ---------------------------------------------------------

    [HttpGet("{draftId:guid}/sharing")]
    public async Task<IActionResult> Sharing(Guid draftId, CancellationToken ct)
    {
        var (open, stop) = await OpenAsync(draftId, WizardSteps.Sharing, ct);
        return stop ?? await SharingPageAsync(open!, open!.State.Sharing ?? new SharingStepInput(), ct);
    }

    [HttpPost("{draftId:guid}/create")]
    public async Task<IActionResult> Create(
        Guid draftId,
        [Bind(Prefix = "Input")] SharingStepInput input,
        [FromServices] IValidator<SharingStepInput> sharingValidator,
        [FromServices] IValidator<ContactStepInput> contactValidator,
        [FromServices] IValidator<DetailsStepInput> detailsValidator,
        [FromServices] CreateDealFromDraft command,
        CancellationToken ct)
    {
        var (open, stop) = await OpenAsync(draftId, WizardSteps.Sharing, ct);
        if (stop is not null)
        {
            return stop;
        }

        ModelState.AddFailures(await sharingValidator.ValidateAsync(input, ct), "Input");
        if (!ModelState.IsValid)
        {
            return await SharingPageAsync(open!, input, ct);
        }

        // Earlier steps were valid when saved, but time passes and solutions change: check them again.
        var state = open!.State;
        var details = await detailsValidator.ValidateAsync(state.Details!, ct);
        if (!details.IsValid)
        {
            ModelState.AddFailures(details, "Input");
            ViewData["StepMessage"] = SharedResource.Text("Some deal details are no longer valid. Correct them, then continue to sharing.");
            return await DetailsPageAsync(open, state.Details!, ct);
        }

        if (state.Contact is { } contact && !(await contactValidator.ValidateAsync(contact, ct)).IsValid)
        {
            return Redirect(Url.WizardStep(draftId, WizardSteps.Contact));
        }

        state.Sharing = input;
        var created = await command.RunAsync(current.Actor, open, ct);
        TempData["Flash"] = created.AlreadyExisted
            ? SharedResource.Text("This deal had already been created from your draft; here it is.")
            : input.Share == true
                ? SharedResource.Text("Deal {0} created and shared with {1} (co-sell). The review is due within {2} days.", Deal.FormatReferralId(created.Id), programme.Value.VendorName, programme.Value.ReviewWindowDays)
                : SharedResource.Text("Private deal {0} created. It is not shared with {1}; you can upgrade it to co-sell later.", Deal.FormatReferralId(created.Id), programme.Value.VendorName);
        return Redirect(Url.Deal(created.Id));
    }

    private async Task<IActionResult> SharingPageAsync(OpenDraft open, SharingStepInput input, CancellationToken ct)
    {
        var state = open.State;
        var published = await solutions.PublishedAsync(ct);
        var chosen = published.Where(s => state.Details?.SolutionIds.Contains(s.Id) == true).ToList();
        var customer = state.CustomerId is int id ? await directory.FindAsync(id, ct) : null;
        return View("Sharing", new SharingStepPage(open.Draft.Id, input, state, customer, chosen, programme.Value.VendorName, programme.Value.ReviewWindowDays));
    }

    // ---- Drafts -----------------------------------------------------------------------------

    [HttpPost("{draftId:guid}/discard")]
    public async Task<IActionResult> Discard(Guid draftId, CancellationToken ct)
    {
        if (!await drafts.DiscardAsync(draftId, ct))
        {
            return NotFound();
        }

        TempData["Flash"] = SharedResource.Text("Draft discarded.");
        return Redirect(Url.WorkspaceTab(WorkspaceTab.Outbound));
    }

    /// <summary>
    /// Opens the user's draft for a step: a missing or foreign draft is 404, a draft that already became a
    /// deal leads to that deal, and a step whose predecessors are not done leads to the first open step.
    /// </summary>
    private async Task<(OpenDraft? Open, IActionResult? Stop)> OpenAsync(Guid draftId, int step, CancellationToken ct)
    {
        var open = await drafts.OpenAsync(draftId, ct);
        if (open is null)
        {
            return (null, NotFound());
        }

        if (open.Draft.CreatedDealId is int dealId)
        {
            TempData["Flash"] = SharedResource.Text("This draft has already become a deal.");
            return (open, Redirect(Url.Deal(dealId)));
        }

        var completed = open.State.CompletedSteps(open.Draft.CompletedStep);
        if (step > completed + 1)
        {
            return (open, Redirect(Url.WizardStep(draftId, completed + 1)));
        }

        return (open, null);
    }

    private async Task<(OpenDraft? Open, IActionResult? Stop)> OpenOrStartAsync(Guid? draftId, CancellationToken ct) =>
        draftId is Guid id ? await OpenAsync(id, WizardSteps.Customer, ct) : (null, null);
}
