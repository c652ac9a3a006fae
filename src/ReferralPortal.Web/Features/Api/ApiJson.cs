using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ReferralPortal.Web.Features.Api;

/// <summary>
/// The API's JSON: camelCase, enums as strings, unknown properties refused. Bodies are read here rather than by
/// the framework's binder, so any input (not JSON, a wrong type, an unknown field, a huge body) is a 4xx Problem
/// Details answer with the field named, never an exception.
/// </summary>
public static class ApiJson
{
    /// <summary>Bodies larger than this are refused with 413 before they are parsed.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions o)
    {
        o.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        o.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        o.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        o.NumberHandling = JsonNumberHandling.Strict;
        if (!o.Converters.Any(c => c is JsonStringEnumConverter))
        {
            o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        }

        return o;
    }

    /// <summary>The raw body, at most <see cref="MaxBodyBytes"/>; null with a problem when too large.</summary>
    public static async Task<(byte[]? Body, ProblemHttpResult? Problem)> ReadBytesAsync(HttpRequest request, bool required)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, TooLarge());
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return (null, TooLarge());
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0 && required)
        {
            return (null, ApiProblems.Invalid("body", "Send a JSON body."));
        }

        var type = request.ContentType;
        if (buffer.Length > 0 && type is not null && !type.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, ApiProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the body as JSON."));
        }

        return (buffer.ToArray(), null);
    }

    /// <summary>Reads and binds a JSON body to <typeparamref name="T"/>, or answers with the problem.</summary>
    public static async Task<(T? Value, byte[] Raw, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, bool required = true)
        where T : class, new()
    {
        var (body, problem) = await ReadBytesAsync(request, required);
        if (problem is not null)
        {
            return (null, [], problem);
        }

        if (body!.Length == 0)
        {
            return (new T(), body, null);
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(body, Options);
            return value is null ? (null, body, ApiProblems.Invalid("body", "Send a JSON object.")) : (value, body, null);
        }
        catch (JsonException e)
        {
            return (null, body, ApiProblems.Invalid(Field(e.Path), "This value is not valid here (wrong type, unknown field or malformed JSON)."));
        }
    }

    public static string Hash(byte[] body) => Convert.ToHexStringLower(SHA256.HashData(body));

    /// <summary>"$.value.amount" → "value.amount"; the body itself when the path is unknown.</summary>
    public static string Field(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$', '.');

    private static ProblemHttpResult TooLarge() =>
        ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, "Request body too large", "Send at most 64 KB.");
}
