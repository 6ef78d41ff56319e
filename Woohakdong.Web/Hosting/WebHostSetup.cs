using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Diagnostics;
using MudBlazor.Services;
using Woohakdong.Core.Data;
using Woohakdong.Web.Components;
using Woohakdong.Web.Endpoints;
using Woohakdong.Web.Sandbox.PortOne;

namespace Woohakdong.Web.Hosting;

public static class WebHostSetup
{
    public static WebApplicationBuilder AddWebHost(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        // Korean pages carry Hangul as text, not as &#xXXXX; entities (a third of the size, and readable).
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.AddProblemDetails();
        // A malformed /v1 body reaches AppExceptionHandler as a 400 problem, in every environment.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddSingleton<Problems>();
        services.AddRequiredFields();
        services.AddExceptionHandler<AppExceptionHandler>();
        services.AddOpenApi();
        services.AddWoohakdongHealth();
        services.AddPageNotifiers();
        services.AddPortOneSandbox();
        services.AddSecurityHeaders();
        services.AddSharedKeyRing(builder.Configuration);
        return builder;
    }

    public static WebApplication UseWebHost(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            CreateScopeForErrors = true,
            // A refusal mapped to a problem answer is an expected outcome, not an error to log.
            SuppressDiagnosticsCallback = context => context.ExceptionHandledBy == ExceptionHandledType.ExceptionHandlerService,
        });
        app.UseV1Problems();
        // On the app itself, not in a UseWhen branch: a branch has no endpoint routing, so its re-executed request found no
        // page and the 404 went out empty. Only a browser's GET of a missing page gets the not-found page: /v1 answers
        // problem+json, and other refusals keep their own answer (a re-executed POST or 405 turned into a confusing 400).
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.Use(async (context, next) =>
        {
            var pages = context.Features.Get<IStatusCodePagesFeature>();
            await next(context);
            if (pages is not null && !(context.Response.StatusCode == StatusCodes.Status404NotFound
                    && HttpMethods.IsGet(context.Request.Method) && !context.Request.Path.StartsWithSegments("/v1")))
                pages.Enabled = false;
        });
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseMiddleware<CurrentUserMiddleware>();
        app.UseAuthorization();
        app.UseAntiforgery();

        if (app.Environment.IsDevelopment()) app.MapOpenApi("/openapi/{documentName}.json");
        app.MapStaticAssets();
        app.MapWoohakdongHealth();
        app.MapAccountEndpoints();
        app.MapV1Api();
        app.MapLocalObjects();
        app.MapPortOneSandbox();
        // SecurityHeaders sends the whole Content-Security-Policy, frame-ancestors included.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }
}
