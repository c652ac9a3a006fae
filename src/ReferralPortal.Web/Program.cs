using ReferralPortal.Web.Features.Deals;
using ReferralPortal.Web.Features.Insights;
using ReferralPortal.Web.Features.NewDeal;
using ReferralPortal.Web.Features.Notifications;
using ReferralPortal.Web.Features.Solutions;
using ReferralPortal.Web.Features.Workspace;
using ReferralPortal.Web.Infrastructure;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

builder.AddObservability();
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
    .AddInsightsFeature();

var app = builder.Build();

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

await app.PrepareDatabaseAsync();
await app.RunAsync();
await Log.CloseAndFlushAsync();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
