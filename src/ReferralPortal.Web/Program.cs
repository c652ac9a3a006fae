using ReferralPortal.Web.Features.Deals;
using ReferralPortal.Web.Features.Workspace;
using ReferralPortal.Web.Infrastructure;
using Serilog;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);

builder.AddObservability();
builder.Services
    .AddPersistence(builder.Configuration, builder.Environment)
    .AddIdentityAndPolicies(builder.Environment)
    .AddPortalMvc(builder.Configuration)
    .AddPortalRateLimits(builder.Configuration)
    .AddPortalSecurityHeaders();

// Feature queries and commands: plain classes, one per use case.
builder.Services.AddScoped<WorkspaceQuery>();
builder.Services.AddScoped<DealPageQuery>();

var app = builder.Build();

if (app.Environment.IsDevelopment())
{
    app.UseDeveloperExceptionPage();
}
else
{
    app.UseExceptionHandler("/error");
    app.UseHsts();
    app.UseHttpsRedirection();
}

app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UsePortalSecurityHeaders();
app.UseStaticFiles();
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
