using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Diagnostics;
using MudBlazor.Services;
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
        app.UseNotFoundPage();
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
        app.MapDevMail();
        app.MapPortOneSandbox();
        // SecurityHeaders sends the whole Content-Security-Policy, frame-ancestors included.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }
}
