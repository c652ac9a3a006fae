using FluentValidation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using ReferralPortal.Data;

namespace ReferralPortal.Web.Infrastructure;

public static class MvcSetup
{
    public static IServiceCollection AddPortalMvc(this IServiceCollection services, IConfiguration config)
    {
        services.AddControllersWithViews(o =>
            {
                // MVC does not check anti-forgery tokens unless told to: check them on every unsafe method.
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                o.Filters.Add<DomainExceptionFilter>();
            })
            .AddRazorOptions(o =>
            {
                o.ViewLocationFormats.Clear();
                o.ViewLocationFormats.Add("/Features/{1}/{0}" + RazorViewEngine.ViewExtension);
                o.ViewLocationFormats.Add("/Features/Shared/{0}" + RazorViewEngine.ViewExtension);
            })
            .AddPortalViewLocalization();
        services.AddHttpContextAccessor();
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<ProgrammeOptions>().Bind(config.GetSection(ProgrammeOptions.Section));
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Scoped);
        services.AddDataProtection()
            .SetApplicationName("ReferralPortal")
            .PersistKeysToDbContext<ReferralsDbContext>();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "rp.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        return services;
    }
}
