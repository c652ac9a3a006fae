using FluentValidation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.AspNetCore.Mvc.Razor;
using ReferralPortal.Data;
using ReferralPortal.Web.Resources;

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
                UseLocalisedBindingMessages(o.ModelBindingMessageProvider);
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

    /// <summary>
    /// The framework's own messages for values that cannot be read (a letter in a number, a forged id) in the
    /// user's language. They sit next to the field, so they name neither the field nor echo the value sent.
    /// </summary>
    private static void UseLocalisedBindingMessages(DefaultModelBindingMessageProvider messages)
    {
        static string Invalid() => SharedResource.Text("Enter a valid value.");
        static string Number() => SharedResource.Text("Enter a number.");
        static string Missing() => SharedResource.Text("Enter a value.");
        messages.SetAttemptedValueIsInvalidAccessor((_, _) => Invalid());
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => Invalid());
        messages.SetUnknownValueIsInvalidAccessor(_ => Invalid());
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(Invalid);
        messages.SetValueIsInvalidAccessor(_ => Invalid());
        messages.SetValueMustNotBeNullAccessor(_ => Missing());
        messages.SetMissingBindRequiredValueAccessor(_ => Missing());
        messages.SetMissingKeyOrValueAccessor(Missing);
        messages.SetMissingRequestBodyRequiredValueAccessor(Missing);
        messages.SetValueMustBeANumberAccessor(_ => Number());
        messages.SetNonPropertyValueMustBeANumberAccessor(Number);
    }
}
