using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using ReferralPortal.Web.Features.Deals;

namespace ReferralPortal.Web.Features.Api;

/// <summary>
/// PATCH /api/v1/referrals/{id}: a JSON Merge Patch (RFC 7396) of the fields the Edit deal page edits. A member
/// present replaces the value (null clears an optional one), an absent member keeps it; the customer and location
/// never change, and the contact only while the deal is private. The result goes through the Edit page's validator
/// and <see cref="DealEditor"/>.
/// </summary>
public sealed class ReferralPatch
{
    public string? Name { get; set; }

    public MoneyInput? Value { get; set; }

    public DateOnly? EstimatedCloseDate { get; set; }

    public bool? ContainsPlaceholderData { get; set; }

    public string? Notes { get; set; }

    public List<int>? SolutionIds { get; set; }

    public ContactInput? Contact { get; set; }

    /// <summary>Applies the patch document to the deal's current edit input.</summary>
    public static (EditDealInput? Input, ProblemHttpResult? Problem) Apply(byte[] body, EditDealInput input, bool contactEditable)
    {
        JsonElement patch;
        try
        {
            using var document = JsonDocument.Parse(body);
            patch = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return (null, ApiProblems.Invalid("body", "This value is not valid here (wrong type, unknown field or malformed JSON)."));
        }

        if (patch.ValueKind != JsonValueKind.Object)
        {
            return (null, ApiProblems.Invalid("body", "Send a JSON object."));
        }

        var errors = new Dictionary<string, string[]>();
        foreach (var member in patch.EnumerateObject())
        {
            var v = member.Value;
            try
            {
                switch (member.Name)
                {
                    case "name":
                        input.Name = v.ValueKind == JsonValueKind.Null ? null : v.GetString();
                        break;
                    case "value":
                        ApplyValue(v, input, errors);
                        break;
                    case "estimatedCloseDate":
                        input.EstimatedCloseDate = v.ValueKind == JsonValueKind.Null ? null : DateOnly.ParseExact(v.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                        break;
                    case "containsPlaceholderData":
                        input.ContainsPlaceholderData = v.GetBoolean();
                        break;
                    case "notes":
                        input.Notes = v.ValueKind == JsonValueKind.Null ? null : v.GetString();
                        break;
                    case "solutionIds":
                        input.SolutionIds = v.ValueKind == JsonValueKind.Null ? [] : [.. v.EnumerateArray().Select(e => e.GetInt32()).Distinct()];
                        break;
                    case "contact" when !contactEditable:
                        errors["contact"] = [Resources.SharedResource.Text("The contact locks once the deal is shared with the vendor.")];
                        break;
                    case "contact":
                        ApplyContact(v, input, errors);
                        break;
                    default:
                        errors[member.Name] = [Resources.SharedResource.Text("This field cannot be changed here.")];
                        break;
                }
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentNullException)
            {
                errors[member.Name] = [Resources.SharedResource.Text("This value is not valid here (wrong type, unknown field or malformed JSON).")];
            }
        }

        return errors.Count > 0 ? (null, ApiProblems.Invalid(errors)) : (input, null);
    }

    private static void ApplyValue(JsonElement v, EditDealInput input, Dictionary<string, string[]> errors)
    {
        if (v.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException("value must be an object");
        }

        foreach (var part in v.EnumerateObject())
        {
            switch (part.Name)
            {
                case "amount" when part.Value.ValueKind == JsonValueKind.String
                    && decimal.TryParse(part.Value.GetString(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount):
                    input.Value = amount;
                    break;
                case "amount":
                    errors["value.amount"] = [Resources.SharedResource.Text("Enter a number.")];
                    break;
                case "currency":
                    input.Currency = part.Value.ValueKind == JsonValueKind.Null ? null : part.Value.GetString();
                    break;
                default:
                    errors["value." + part.Name] = [Resources.SharedResource.Text("This field cannot be changed here.")];
                    break;
            }
        }
    }

    private static void ApplyContact(JsonElement v, EditDealInput input, Dictionary<string, string[]> errors)
    {
        if (v.ValueKind == JsonValueKind.Null)
        {
            input.FirstName = input.LastName = input.Email = input.Phone = input.JobTitle = null;
            return;
        }

        if (v.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException("contact must be an object");
        }

        foreach (var part in v.EnumerateObject())
        {
            var text = part.Value.ValueKind == JsonValueKind.Null ? null : part.Value.GetString();
            switch (part.Name)
            {
                case "firstName": input.FirstName = text; break;
                case "lastName": input.LastName = text; break;
                case "email": input.Email = text; break;
                case "phone": input.Phone = text; break;
                case "jobTitle": input.JobTitle = text; break;
                default: errors["contact." + part.Name] = [Resources.SharedResource.Text("This field cannot be changed here.")]; break;
            }
        }
    }
}
