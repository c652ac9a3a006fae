using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;
using ReferralPortal.Data;
using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Integration;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Web.Features.NewDeal;
using ReferralPortal.Web.Infrastructure;
using Scalar.AspNetCore;

namespace ReferralPortal.Web.Features.Api;

/// <summary>The integration API (issue 15): bearer tokens, /api/v1, its OpenAPI document and reference page.</summary>
public static class ApiFeature
{
    public const string ReadPolicy = "ApiRead";
    public const string WritePolicy = "ApiWrite";
    public const string RateLimitPolicy = "api";
    public const string DocumentName = "v1";

    public static IServiceCollection AddReferralsApi(this IServiceCollection services, IConfiguration config)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ReadPolicy, p => p.AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName).RequireAuthenticatedUser())
            .AddPolicy(WritePolicy, p => p.AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName).RequireAuthenticatedUser()
                .RequireClaim(ApiTokenAuthenticationHandler.ScopeClaim, nameof(ApiTokenScope.ReadWrite)));
        services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        services.AddScoped<ReferralList>();
        services.AddScoped<CreateReferralCommand>();
        services.AddScoped<ApiTokenCommands>();

        // Per token (the hash of the bearer value: known before authentication runs), per minute.
        var permits = config.GetValue("Api:RequestsPerMinute", 120);
        services.Configure<RateLimiterOptions>(o =>
        {
            o.AddPolicy(RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                PartitionKey(http),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            var earlier = o.OnRejected;
            o.OnRejected = async (context, ct) =>
            {
                if (!context.HttpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
                {
                    if (earlier is not null)
                    {
                        await earlier(context, ct);
                    }

                    return;
                }

                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await ApiProblems.Write(context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests", "This API token made too many calls; retry after the number of seconds in Retry-After.");
            };
        });

        services.AddOpenApi(DocumentName, o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1", StringComparison.Ordinal) == true;
            o.AddSchemaTransformer((schema, context, _) =>
            {
                // The generator lists null among an enum's values when the enum is only used as nullable, while the
                // property already allows null (oneOf null | enum): a null would then match both branches of oneOf.
                if (schema.Enum is { Count: > 0 } values && values.Any(v => v is null || v.GetValueKind() == System.Text.Json.JsonValueKind.Null))
                {
                    schema.Enum = [.. values.Where(v => v is not null && v.GetValueKind() != System.Text.Json.JsonValueKind.Null)];
                }

                if (context.JsonTypeInfo.Type == typeof(Money))
                {
                    schema.Examples = [System.Text.Json.Nodes.JsonNode.Parse("""{ "amount": "125000.00", "currency": "EUR" }""")!];
                }
                else if (context.JsonTypeInfo.Type == typeof(CreateReferralRequest))
                {
                    schema.Examples = [System.Text.Json.Nodes.JsonNode.Parse("""
                        { "customerId": 12, "name": "Contoso migration", "value": { "amount": "125000.00", "currency": "EUR" },
                          "estimatedCloseDate": "2027-03-31", "solutionIds": [3], "helpWanted": ["proofOfConceptOrDemo"], "share": true }
                        """)!];
                }

                return Task.CompletedTask;
            });
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "ReferralPortal API",
                    Version = "v1",
                    Description = "Referrals (deals), solutions and customers of one organisation, with the portal's rules and scoping. Authenticate with an organisation API token: Authorization: Bearer rp_….",
                    License = new OpenApiLicense { Name = "Proprietary", Identifier = "LicenseRef-Proprietary" },
                };
                document.Servers = [new OpenApiServer { Url = "/", Description = "This portal" }];
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
                {
                    ["bearer"] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.Http,
                        Scheme = "bearer",
                        Description = "An API token created on the API tokens page (rp_…).",
                    },
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] }];
                document.Tags = new HashSet<OpenApiTag>
                {
                    new() { Name = "Referrals", Description = "Deals shared between partners and the vendor." },
                    new() { Name = "Directory", Description = "Solutions and customers to refer to when creating referrals." },
                };
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static WebApplication MapReferralsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(ReadPolicy)
            .RequireRateLimiting(RateLimitPolicy)
            .AddEndpointFilter(async (context, next) =>
            {
                try
                {
                    return await next(context);
                }
                catch (DomainException refusal)
                {
                    return ApiProblems.Refused(refusal);
                }
                catch (DbUpdateConcurrencyException)
                {
                    return ApiProblems.PreconditionFailed();
                }
            });

        ReferralsEndpoints.Map(api);
        api.MapGet("/solutions", SolutionsAsync).WithTags("Directory").WithName("ListSolutions")
            .WithSummary("Solutions visible to this organisation (a partner's own; every solution for the vendor)")
            .Produces<IReadOnlyList<SolutionResource>>().ProducesProblem(401);
        api.MapGet("/customers", CustomersAsync).WithTags("Directory").WithName("ListCustomers")
            .WithSummary("Search the shared customer directory by country and name")
            .Produces<IReadOnlyList<CustomerResource>>().ProducesValidationProblem().ProducesProblem(401);

        // Anything else under /api answers in Problem Details too (never the HTML error page). A body that is not JSON
        // lands here as well (the endpoints that take one declare JSON), so it is told so rather than "not found".
        app.Map("/api/{**rest}", (HttpContext http) =>
            http.Request.ContentType is { } type && !type.Contains("json", StringComparison.OrdinalIgnoreCase)
                ? ApiProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the body as JSON.")
                : ApiProblems.NotFound()).AllowAnonymous().ExcludeFromDescription();

        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/api/docs", o => o.WithTitle("ReferralPortal API").WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();
        return app;
    }

    private static async Task<IResult> SolutionsAsync(ReferralsDbContext db, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<SolutionResource>>(await db.Solutions.AsNoTracking()
            .OrderBy(s => s.OrganisationId).ThenBy(s => s.Name)
            .Select(s => new SolutionResource(s.Id, s.OrganisationId, s.Name, s.Description, s.MarketplaceStatus, s.CoSellStatus, s.RegistrationEligible))
            .ToListAsync(ct));

    private static async Task<IResult> CustomersAsync(CustomerDirectory directory, string? country, string? q, CancellationToken ct)
    {
        var code = country?.Trim().ToUpperInvariant();
        if (code is null || !Countries.IsKnown(code))
        {
            return ApiProblems.Invalid("country", "Choose the customer's country (ISO 3166-1 alpha-2, like PT).");
        }

        var matches = await directory.SearchAsync(code, q ?? string.Empty, ct);
        return TypedResults.Ok<IReadOnlyList<CustomerResource>>([.. matches.Select(m => new CustomerResource(m.Id, m.Name, m.Country, m.City, m.Industry, m.AddedManually))]);
    }

    private static string PartitionKey(HttpContext http) =>
        ApiTokens.FromHeader(http.Request.Headers.Authorization.ToString()) is { } token
            ? "token:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)))
            : "address:" + http.Connection.RemoteIpAddress;

    /// <summary>The referral's own API address (the Location of a create), generated from the GetReferral route.</summary>
    public static string ReferralPath(HttpContext http, int id) =>
        http.RequestServices.GetRequiredService<LinkGenerator>().GetPathByName(http, "GetReferral", new { id })
        ?? throw new InvalidOperationException("The GetReferral route is not mapped.");
}
