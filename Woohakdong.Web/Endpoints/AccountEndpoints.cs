using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Woohakdong.Core.Accounts;

namespace Woohakdong.Web.Endpoints;

/// <summary>Browser-only endpoints that must write cookies, which an interactive component cannot do.</summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this WebApplication app)
    {
        app.MapPost("/account/logout", async (SignInManager<AppUser> signIn, [FromForm] string? returnUrl) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect(LocalReturnUrl.Of(returnUrl));
        });

        app.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext context) =>
        {
            var chosen = culture == "en" ? "en-US" : "ko-KR";
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax });
            return TypedResults.LocalRedirect(LocalReturnUrl.Of(returnUrl));
        });
    }
}
