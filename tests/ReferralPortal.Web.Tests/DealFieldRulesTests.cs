using FluentValidation.Results;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Web.Features.Inbound;
using ReferralPortal.Web.Features.NewDeal;
using ReferralPortal.Web.Infrastructure;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests;

/// <summary>
/// Issue 18, "one rule, one place": every writer of deal fields (the wizard's steps and the inbound form) gives
/// the same answer for the same values, with the domain's limits. Each test runs once per writer.
/// </summary>
public sealed class DealFieldRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);
    private static readonly FakeTimeProvider Clock = new(Now);

    private static readonly DetailsStepValidator Details = new(Clock, Options.Create(new ProgrammeOptions()), new FixedSolutions(new SolutionChoice(1, "Analytics", true, true)));
    private static readonly ContactStepValidator Contact = new();

    // No solution is suggested in these inputs, so the inbound validator never reads its database.
    private static readonly InboundInputValidator Inbound = new(Options.Create(new ProgrammeOptions()), Clock, null!);

    public static TheoryData<string> Writers => ["wizard", "inbound"];

    private sealed record Fields(string? Name = "Retail analytics rollout", bool Placeholder = false, string? Notes = null, string? FirstName = null, string? Phone = null);

    private static async Task<string[]> ErrorsAsync(string writer, Fields f, string property)
    {
        var ct = TestContext.Current.CancellationToken;
        IEnumerable<ValidationFailure> errors;
        if (writer == "wizard")
        {
            var details = new DetailsStepInput
            {
                Name = f.Name,
                Value = 1000m,
                Currency = "EUR",
                LocationCountry = "PT",
                EstimatedCloseDate = Today.AddDays(30),
                ContainsPlaceholderData = f.Placeholder,
                Notes = f.Notes,
                SolutionIds = [1],
            };
            var contact = new ContactStepInput { FirstName = f.FirstName, Phone = f.Phone };
            errors = [.. (await Details.ValidateAsync(details, ct)).Errors, .. (await Contact.ValidateAsync(contact, ct)).Errors];
        }
        else
        {
            var input = new InboundInput
            {
                PartnerId = 1,
                CustomerId = 1,
                Name = f.Name,
                Value = 1000m,
                Currency = "EUR",
                EstimatedCloseDate = Today.AddDays(30),
                ContainsPlaceholderData = f.Placeholder,
                Notes = f.Notes,
                FirstName = f.FirstName,
                Phone = f.Phone,
            };
            errors = (await Inbound.ValidateAsync(input, ct)).Errors;
        }

        return [.. errors.Where(e => e.PropertyName == property).Select(e => e.ErrorMessage)];
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public async Task Placeholder_notes_shorter_than_the_domain_minimum_are_refused_by_every_writer(string writer)
    {
        var errors = await ErrorsAsync(writer, new Fields(Placeholder: true, Notes: "dummy"), "Notes");

        Assert.Equal(["Explain in the notes why the deal contains placeholder data (at least 10 characters)."], errors);
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public async Task Placeholder_notes_of_the_domain_minimum_are_accepted_by_every_writer(string writer)
    {
        var notes = new string('x', DealDetails.MinPlaceholderExplanation);

        Assert.Empty(await ErrorsAsync(writer, new Fields(Placeholder: true, Notes: notes), "Notes"));
        _ = new DealDetails("Retail analytics rollout", 1000m, "EUR", "PT", Today, true, notes).Validated(Today);
    }

    [Theory]
    [InlineData("wizard", "call me")]
    [InlineData("inbound", "call me")]
    [InlineData("wizard", "12")]
    [InlineData("inbound", "12")]
    [InlineData("inbound", "+351 21x 000 000")]
    public async Task A_phone_number_the_domain_refuses_is_refused_by_every_writer(string writer, string phone)
    {
        Assert.Equal(
            ["Enter a valid phone number: digits, spaces, brackets or dashes, optionally starting with +."],
            await ErrorsAsync(writer, new Fields(Phone: phone), "Phone"));
    }

    [Theory]
    [InlineData("wizard", "+351 210 000 000")]
    [InlineData("inbound", "+351 210 000 000")]
    [InlineData("wizard", "(21) 555-0100")]
    [InlineData("inbound", "(21) 555-0100")]
    public async Task A_phone_number_the_domain_accepts_is_accepted_by_every_writer(string writer, string phone)
    {
        Assert.Empty(await ErrorsAsync(writer, new Fields(Phone: phone), "Phone"));
        Assert.Equal(phone, new DealContact(null, null, null, phone, null).Phone);
    }

    [Theory]
    [InlineData("wizard", "Q3 renewal\nClick https://evil.example")]
    [InlineData("inbound", "Q3 renewal\nClick https://evil.example")]
    [InlineData("wizard", "Q3 renewal\r\nSecond paragraph")]
    [InlineData("inbound", "Invoice \u202Egpj.exe")]
    [InlineData("wizard", "Invoice \u202Egpj.exe")]
    [InlineData("inbound", "Q3\trenewal")]
    public async Task A_deal_name_with_a_line_break_control_or_direction_character_is_refused_by_every_writer(string writer, string name)
    {
        Assert.Equal(["Use a single line without control or text-direction characters."], await ErrorsAsync(writer, new Fields(Name: name), "Name"));
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public async Task A_contact_name_with_a_line_break_is_refused_by_every_writer(string writer)
    {
        Assert.Equal(["Use a single line without control or text-direction characters."], await ErrorsAsync(writer, new Fields(FirstName: "Ana\nDear reviewer"), "FirstName"));
    }
}
