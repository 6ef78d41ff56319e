using Microsoft.AspNetCore.Diagnostics;

namespace Woohakdong.Web.Hosting;

public static class NotFoundPage
{
    /// <summary>
    /// Renders the app's not-found page for a browser's GET of a missing page. On the app itself, not in a UseWhen
    /// branch: a branch has no endpoint routing, so its re-executed request found no page and the 404 went out empty.
    /// /v1 answers problem+json, and other refusals keep their own answer (a re-executed POST or 405 became a confusing 400).
    /// </summary>
    public static IApplicationBuilder UseNotFoundPage(this IApplicationBuilder app)
    {
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        return app.Use(async (context, next) =>
        {
            var pages = context.Features.Get<IStatusCodePagesFeature>();
            await next(context);
            if (pages is not null && !IsMissingPage(context)) pages.Enabled = false;
        });
    }

    private static bool IsMissingPage(HttpContext context) =>
        context.Response.StatusCode == StatusCodes.Status404NotFound
        && HttpMethods.IsGet(context.Request.Method)
        && !context.Request.Path.StartsWithSegments("/v1");
}
