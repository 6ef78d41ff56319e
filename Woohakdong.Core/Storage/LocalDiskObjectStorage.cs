using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Woohakdong.Core.Storage;

public enum LocalWriteResult
{
    Stored,
    TooLarge,
}

/// <summary>
/// The embedded default: objects are files under <c>App_Data/objects</c>, written and read through the app's own
/// signed <c>/objects/{key}</c> URLs, so the browser uses it exactly like a presigned S3 bucket. Each object's
/// content type sits beside it in a <c>.content-type</c> file, as S3 keeps it in the object's metadata.
/// </summary>
public sealed partial class LocalDiskObjectStorage(IOptions<StorageOptions> options, LocalObjectSigner signer, TimeProvider time)
    : IObjectStorage
{
    private const string TypeSuffix = ".content-type";
    private const string IncomingFolder = ".incoming";
    private readonly string root = Path.GetFullPath(options.Value.LocalDisk.Root);

    public Task<IReadOnlyList<UploadUrl>> CreateUploadUrlsAsync(
        IReadOnlyList<UploadRequest> uploads, TimeSpan expiry, CancellationToken ct = default)
    {
        var expiresAt = time.GetUtcNow() + expiry;
        IReadOnlyList<UploadUrl> urls = [.. uploads.Select(upload => new UploadUrl(
            upload.Key, signer.UploadUrl(upload, expiresAt),
            new Dictionary<string, string> { ["Content-Type"] = upload.ContentType }, expiresAt))];
        return Task.FromResult(urls);
    }

    public Task<string> CreateDownloadUrlAsync(string key, TimeSpan expiry, CancellationToken ct = default) =>
        Task.FromResult(signer.DownloadUrl(key, time.GetUtcNow() + expiry));

    public async Task<ObjectInfo?> GetInfoAsync(string key, CancellationToken ct = default)
    {
        var file = new FileInfo(PathOf(key));
        if (!file.Exists) return null;
        return new ObjectInfo(file.Length, await File.ReadAllTextAsync(file.FullName + TypeSuffix, ct));
    }

    public async Task<byte[]> ReadFirstBytesAsync(string key, int count, CancellationToken ct = default)
    {
        await using var stream = File.OpenRead(PathOf(key));
        return await StreamBytes.ReadUpToAsync(stream, count, ct);
    }

    public async Task<bool> CopyAsync(string sourceKey, string targetKey, CancellationToken ct = default)
    {
        var source = PathOf(sourceKey);
        if (!File.Exists(source)) return false;
        var temporary = TemporaryPath();
        try
        {
            var contentType = await File.ReadAllTextAsync(source + TypeSuffix, ct);
            File.Copy(source, temporary);
            await PlaceAsync(temporary, targetKey, contentType, ct);
            return true;
        }
        catch (FileNotFoundException)
        {
            // Deleted (or replaced) between the check and the copy: as if never there.
            return false;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task DeleteAsync(string key, CancellationToken ct = default)
    {
        var path = PathOf(key);
        // File.Delete tolerates a missing file but not a missing folder: an upload never made has neither.
        if (!Directory.Exists(Path.GetDirectoryName(path))) return Task.CompletedTask;
        File.Delete(path);
        File.Delete(path + TypeSuffix);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<StoredObject>> ListAsync(string prefix, DateTimeOffset olderThan, CancellationToken ct = default)
    {
        // Only the folder the prefix names is walked, not the whole store.
        var folder = Path.GetFullPath(Path.Combine(root, prefix[..(prefix.LastIndexOf('/') + 1)].Replace('/', Path.DirectorySeparatorChar)));
        if (!folder.StartsWith(root, StringComparison.Ordinal)) throw new ArgumentException($"Not a prefix inside the store: {prefix}", nameof(prefix));
        IReadOnlyList<StoredObject> found = Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(path => !path.EndsWith(TypeSuffix, StringComparison.Ordinal))
                .Select(path => (Key: Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/'), Path: path))
                .Where(o => o.Key.StartsWith(prefix, StringComparison.Ordinal) && !o.Key.StartsWith(IncomingFolder + "/", StringComparison.Ordinal))
                .Select(o => (o.Key, File: new FileInfo(o.Path)))
                // Exists reads the file's details once; a file another instance's sweep deleted meanwhile is skipped.
                .Where(o => o.File.Exists)
                .Select(o => new StoredObject(o.Key, o.File.Length, new DateTimeOffset(o.File.LastWriteTimeUtc)))
                .Where(o => o.LastModified < olderThan)]
            : [];
        return Task.FromResult(found);
    }

    /// <summary>
    /// Streams <paramref name="body"/> to a temporary file and moves it into place only when complete, so a reader
    /// never sees half an object; stops as soon as more than <paramref name="maxBytes"/> arrive.
    /// </summary>
    public async Task<LocalWriteResult> WriteAsync(string key, string contentType, Stream body, long maxBytes, CancellationToken ct)
    {
        _ = PathOf(key); // a key the store cannot hold is refused before the body is read
        var temporary = TemporaryPath();
        try
        {
            await using (var file = File.Create(temporary))
            {
                var buffer = new byte[81920];
                long total = 0;
                int read;
                while ((read = await body.ReadAsync(buffer, ct)) > 0)
                {
                    total += read;
                    if (total > maxBytes) return LocalWriteResult.TooLarge;
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }
            await PlaceAsync(temporary, key, contentType, ct);
            return LocalWriteResult.Stored;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private string TemporaryPath()
    {
        var temporary = Path.Combine(root, IncomingFolder, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.GetDirectoryName(temporary)!);
        return temporary;
    }

    /// <summary>Moves a complete temporary file into place under <paramref name="key"/>, its content type beside it.</summary>
    private async Task PlaceAsync(string temporary, string key, string contentType, CancellationToken ct)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path + TypeSuffix, contentType, ct);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The file and its content type, or null when nothing is stored under the key.</summary>
    public async Task<(Stream Content, string ContentType)?> OpenAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        if (!File.Exists(path)) return null;
        return (File.OpenRead(path), await File.ReadAllTextAsync(path + TypeSuffix, ct));
    }

    public static bool IsValidKey(string? key) => key is not null && SafeKey().IsMatch(key) && !key.Split('/').Any(segment => segment is "" or "." or "..");

    private string PathOf(string key)
    {
        if (!IsValidKey(key)) throw new ArgumentException($"Not a storable key: {key}", nameof(key));
        return Path.Combine(root, key.Replace('/', Path.DirectorySeparatorChar));
    }

    [GeneratedRegex("^[A-Za-z0-9._/-]{1,200}$")]
    private static partial Regex SafeKey();
}
