using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Woohakdong.Core.Storage;

namespace Woohakdong.Web.Components.Pages.Items;

/// <summary>
/// wwwroot/js/uploads.js bound to one file input: the browser keeps the files and PUTs them to their presigned URLs;
/// the receiver's <c>OnPicked</c> and <c>OnProgress</c> hear about them.
/// </summary>
public sealed class ImagePicker(IJSRuntime js, Uri appBase) : IAsyncDisposable
{
    public const string ModulePath = "js/uploads.js";

    private IJSObjectReference? module;
    private IJSObjectReference? picker;

    public async Task BindAsync<TReceiver>(ElementReference input, DotNetObjectReference<TReceiver> receiver) where TReceiver : class
    {
        module ??= await js.InvokeAsync<IJSObjectReference>("import", new Uri(appBase, ModulePath).ToString());
        picker = await module.InvokeAsync<IJSObjectReference>("bind", input, receiver);
    }

    /// <summary>Waits as long as the upload takes: <paramref name="ct"/> ends the wait, not interop's default timeout.</summary>
    public async Task<UploadOutcome> UploadAsync(int id, UploadUrl url, CancellationToken ct) =>
        await Picker.InvokeAsync<UploadOutcome>("upload", ct, id, url.Url, url.Headers);

    public async Task AbortAsync(int id) => await Picker.InvokeVoidAsync("abort", id);

    /// <summary>Forgets the files and frees their previews.</summary>
    public async Task DiscardAsync(IEnumerable<int> ids) => await Picker.InvokeVoidAsync("discard", ids.ToArray());

    private IJSObjectReference Picker => picker ?? throw new InvalidOperationException("The picker is not bound to an input yet.");

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (picker is not null)
            {
                await picker.InvokeVoidAsync("dispose");
                await picker.DisposeAsync();
            }
            if (module is not null) await module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the page's object URLs with it.
        }
    }
}
