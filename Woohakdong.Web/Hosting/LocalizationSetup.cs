using Microsoft.AspNetCore.Localization;
using Woohakdong.Core.Common;

namespace Woohakdong.Web.Hosting;

public static class LocalizationSetup
{
    public static WebApplicationBuilder AddLocalizationKoreanFirst(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Languages.Korean);
            options.SupportedCultures = options.SupportedUICultures = [Languages.Korean, Languages.English];
            // Korean unless the user picked English: a browser's Accept-Language alone does not switch it.
            options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        return builder;
    }
}
