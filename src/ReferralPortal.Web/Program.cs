using ReferralPortal.Web.Features.Account;
using ReferralPortal.Web.Features.Api;
using ReferralPortal.Web.Features.Deals;
using ReferralPortal.Web.Features.Insights;
using ReferralPortal.Web.Features.Invitations;
using ReferralPortal.Web.Features.NewDeal;
using ReferralPortal.Web.Features.Notifications;
using ReferralPortal.Web.Features.Solutions;
using ReferralPortal.Web.Features.Team;
using ReferralPortal.Web.Features.Webhooks;
using ReferralPortal.Web.Features.Workspace;
using ReferralPortal.Web.Infrastructure;
using Serilog;

// `invite-programme-admin --email ADDRESS` runs the bootstrap command instead of the web server (README, Production).
var bootstrap = ProgrammeAdminBootstrap.IsCommand(args);
var builder = WebApplication.CreateBuilder(args);

builder.AddObservability(logToStandardError: bootstrap);
builder.Services
    .AddPersistence(builder.Configuration, builder.Environment)
    .AddIdentityAndPolicies(builder.Environment, builder.Configuration)
    .AddPortalLocalization()
    .AddPortalMvc(builder.Configuration)
    .AddPortalRateLimits(builder.Configuration)
    .AddPortalSecurityHeaders();

// Features: each registers its own queries and commands (plain classes, one per use case).
builder.Services
    .AddWorkspaceFeature()
    .AddDealsFeature()
    .AddNewDealFeature()
    .AddSolutionsFeature()
    .AddNotificationsFeature()
    .AddInsightsFeature()
    .AddPeopleFeature()
    .AddSigninFeature(builder.Environment)
    .AddSigninTransport(builder.Configuration, builder.Environment)
    .AddReferralsApi(builder.Configuration)
    .AddWebhooksFeature();

var app = builder.Build();
app.UseSigninForwardedHeaders();

if (app.Environment.IsDevelopment())
{
    app.UseDeveloperExceptionPage();
}
else
{
    app.UseExceptionHandler("/error");
    if (app.Configuration.GetValue("Hosting:HttpsRedirection", true))
    {
        app.UseHttpsRedirection();
    }
}

app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UsePortalSecurityHeaders();
app.UseStaticFiles();
app.UsePortalLocalization();
app.UsePortalRequestLogging();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();

app.MapHealth();
app.MapControllers();
app.MapReferralsApi();

await app.PrepareDatabaseAsync();
if (bootstrap)
{
    // The command links to the invitation page from the routes without serving a request: publish the routes to the link generator.
    app.UseEndpoints(_ => { });
    var exitCode = await ProgrammeAdminBootstrap.RunAsync(app.Services, args, Console.Out, Console.Error);
    await Log.CloseAndFlushAsync();
    return exitCode;
}

await app.RunAsync();
await Log.CloseAndFlushAsync();
return 0;

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
