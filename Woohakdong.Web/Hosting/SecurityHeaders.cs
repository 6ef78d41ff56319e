using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Payments.PortOne;
using Woohakdong.Core.Storage;

namespace Woohakdong.Web.Hosting;

/// <summary>
/// The headers every answer carries: <c>nosniff</c>, a <c>Referrer-Policy</c>, the <see cref="ContentSecurityPolicy"/>
/// (which also says who may frame the pages), and HSTS outside Development and Testing.
/// </summary>
public static class SecurityHeaders
{
    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services)
    {
        services.AddSingleton<ContentSecurityPolicy>();
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        return services;
    }

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Testing")) app.UseHsts();
        var policy = app.Services.GetRequiredService<ContentSecurityPolicy>();
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = ReferrerPolicy;
                headers.ContentSecurityPolicy = policy.For(context.GetEndpoint());
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}

/// <summary>
/// What pages may load. Scripts only from the app (plus the hash of the import map Blazor writes inline, and PortOne's
/// SDK in Live mode); styles may be inline because MudBlazor writes its theme as a <c>&lt;style&gt;</c> element and
/// positions with <c>style</c> attributes. Images and uploads may reach the object store (presigned GETs and PUTs)
/// and <c>blob:</c> previews; the payment window is the app's own sandbox, or PortOne's and its PGs' pages in Live mode.
/// </summary>
public sealed class ContentSecurityPolicy
{
    /// <summary>PortOne's V1 SDK and the API it calls from the page; its PGs' payment pages load in frames from many origins.</summary>
    public const string PortOneSdkOrigin = "https://cdn.iamport.kr";
    public const string PortOneServiceOrigins = "https://*.iamport.kr";
    /// <summary>PortOne V2's browser SDK (cdn.portone.io) and the services it calls from the page.</summary>
    public const string PortOneV2Origins = "https://*.portone.io";

    private readonly string beforeScripts;
    private readonly string afterScripts;
    private readonly ConditionalWeakTable<ImportMapDefinition, string> importMapHashes = [];

    public ContentSecurityPolicy(IOptions<StorageOptions> storage, IOptions<PortOneOptions> portOne)
    {
        var store = StoreOrigins(storage.Value);
        var live = portOne.Value.Mode == PortOneMode.Live;
        beforeScripts = "default-src 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'self'; " +
                        $"form-action 'self'{(live ? " https:" : "")}; script-src 'self'{(live ? $" {PortOneSdkOrigin} {PortOneServiceOrigins} {PortOneV2Origins}" : "")}";
        afterScripts = "; style-src 'self' 'unsafe-inline'; font-src 'self' data:; " +
                       $"img-src 'self' data: blob:{store}; connect-src 'self'{store}{(live ? $" {PortOneServiceOrigins} {PortOneV2Origins}" : "")}; " +
                       $"frame-src 'self'{(live ? " https:" : "")}";
    }

    /// <summary>The policy for an answer from <paramref name="endpoint"/>, allowing the import map a page of it renders.</summary>
    public string For(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<ImportMapDefinition>() is { } importMap
            ? string.Concat(beforeScripts, " ", importMapHashes.GetValue(importMap, Hash), afterScripts)
            : string.Concat(beforeScripts, afterScripts);

    /// <summary>The <c>ImportMap</c> component writes the definition's JSON (its ToString) as the script's text; a test checks the hash against a rendered page.</summary>
    private static string Hash(ImportMapDefinition importMap) =>
        $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(importMap.ToString())))}'";

    /// <summary>Where presigned URLs point: the app itself for LocalDisk; the store's public address, or AWS's bucket hosts, for S3.</summary>
    private static string StoreOrigins(StorageOptions storage)
    {
        if (storage.Provider != StorageProvider.S3) return "";
        if ((storage.S3.PublicServiceUrl ?? storage.S3.ServiceUrl) is { Length: > 0 } serviceUrl
            && Uri.TryCreate(serviceUrl, UriKind.Absolute, out var service))
            return " " + service.GetLeftPart(UriPartial.Authority);
        return $" https://{storage.S3.Bucket}.s3.{storage.S3.Region}.amazonaws.com https://{storage.S3.Bucket}.s3.amazonaws.com";
    }
}
