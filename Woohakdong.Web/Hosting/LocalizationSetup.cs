using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Woohakdong.Web.Hosting;

public static class LocalizationSetup
{
    public static readonly CultureInfo Korean = new("ko-KR");
    public static readonly CultureInfo English = new("en-US");

    public static WebApplicationBuilder AddLocalizationKoreanFirst(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Korean);
            options.SupportedCultures = options.SupportedUICultures = [Korean, English];
            // Korean unless the user picked English: a browser's Accept-Language alone does not switch it.
            options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        return builder;
    }
}
