using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using MudBlazor.Services;
using Woohakdong.Core.Storage;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Web.Components.Pages.Items;

namespace Woohakdong.Tests.Items.Uploads;

/// <summary>
/// The uploader rendered with bUnit's JS interop standing in for wwwroot/js/uploads.js: a test picks files and
/// reports progress as the browser would, and decides how each PUT ends.
/// </summary>
public abstract class ImageUploaderTest : PatientBunitContext
{
    private readonly BunitJSModuleInterop module;
    private readonly BunitJSModuleInterop picker;
    private int issued;

    protected ImageUploaderTest()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("ko-KR");
        Services.AddLocalization();
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        module = JSInterop.SetupModule("http://localhost/" + ImagePicker.ModulePath);
        picker = module.SetupModule(invocation => invocation.Identifier == "bind", isCatchAllHandler: false);
        picker.SetupVoid("abort", _ => true).SetVoidResult();
        picker.SetupVoid("discard", _ => true).SetVoidResult();
        picker.SetupVoid("dispose", _ => true).SetVoidResult();
    }

    /// <summary>The content types of each URL request, in order.</summary>
    protected List<IReadOnlyList<string>> UrlRequests { get; } = [];

    /// <summary>Set to refuse URL requests as the service would.</summary>
    protected Exception? UrlRefusal { get; set; }

    protected IRenderedComponent<ImageUploader> RenderUploader(int maxFiles = 10) =>
        Render<ImageUploader>(parameters => parameters
            .Add(p => p.MaxFiles, maxFiles)
            .Add(p => p.RequestUrls, RequestUrlsAsync));

    private Task<IReadOnlyList<UploadUrl>> RequestUrlsAsync(IReadOnlyList<string> contentTypes)
    {
        UrlRequests.Add(contentTypes);
        if (UrlRefusal is not null) throw UrlRefusal;
        IReadOnlyList<UploadUrl> urls = [.. contentTypes.Select(type =>
        {
            var key = $"clubs/1/items/2026/11/{++issued}.{ImageTypes.ExtensionOf(type)}";
            return new UploadUrl(key, $"/objects/{key}?sig={issued}", new Dictionary<string, string> { ["Content-Type"] = type },
                DateTimeOffset.UtcNow.AddMinutes(5));
        })];
        return Task.FromResult(urls);
    }

    /// <summary>The PUT of file <paramref name="id"/>'s next attempt waits until the test sets its outcome.</summary>
    protected JSRuntimeInvocationHandler<UploadOutcome> PlanUpload(int id) =>
        picker.Setup<UploadOutcome>("upload", invocation => Equals(invocation.Arguments[0], id));

    protected IReadOnlyList<JSRuntimeInvocation> Invocations(string identifier) => [.. picker.Invocations[identifier]];

    private DotNetObjectReference<ImageUploader> Receiver =>
        (DotNetObjectReference<ImageUploader>)module.Invocations["bind"].Single().Arguments[1]!;

    protected static PickedFile Png(int id, long size = 2_560, string? name = null, string type = "image/png") =>
        new(id, name ?? $"photo{id}.png", size, type, $"blob:http://localhost/preview-{id}");

    protected Task PickAsync(IRenderedComponent<ImageUploader> uploader, params PickedFile[] files) =>
        uploader.InvokeAsync(() => Receiver.Value.OnPicked(files));

    protected Task ProgressAsync(IRenderedComponent<ImageUploader> uploader, int id, long loaded, long total) =>
        uploader.InvokeAsync(() => Receiver.Value.OnProgress(id, loaded, total));

    protected static Task<IReadOnlyList<string>?> StartUploadAsync(IRenderedComponent<ImageUploader> uploader) =>
        uploader.InvokeAsync(() => uploader.Instance.UploadAsync());

    protected static AngleSharp.Dom.IElement Item(IRenderedComponent<ImageUploader> uploader, int index) =>
        uploader.FindAll("[data-testid=upload-item]")[index];

    protected static string Status(IRenderedComponent<ImageUploader> uploader, int index) =>
        Item(uploader, index).QuerySelector("[data-testid=upload-status]")!.TextContent.Trim();
}
