using Microsoft.Extensions.Options;
using Woohakdong.Core.Storage;

namespace Woohakdong.Core.Items;

/// <summary>Settings under <c>Items</c>; every one has a working default.</summary>
public sealed class ItemOptions
{
    public const string Section = "Items";

    /// <summary>How long the image links handed to a page or API client stay valid.</summary>
    public TimeSpan ImageUrlLifetime { get; set; } = TimeSpan.FromHours(1);
    /// <summary>How often each instance deletes uploads never attached to an item or a return.</summary>
    public TimeSpan OrphanSweepInterval { get; set; } = TimeSpan.FromHours(1);
    /// <summary>How often each instance looks for loans whose borrower is owed today's overdue notice.</summary>
    public TimeSpan OverdueNoticeInterval { get; set; } = TimeSpan.FromMinutes(10);
    /// <summary>How old an unattached upload must be before the sweep deletes it.</summary>
    public TimeSpan OrphanAge { get; set; } = TimeSpan.FromDays(1);
}

internal sealed class ItemOptionsValidator(IOptions<StorageOptions> storage) : IValidateOptions<ItemOptions>
{
    /// <summary>S3 refuses to presign for longer.</summary>
    private static readonly TimeSpan LongestUrlLifetime = TimeSpan.FromDays(7);

    public ValidateOptionsResult Validate(string? name, ItemOptions options)
    {
        var problems = new List<string>();
        if (options.ImageUrlLifetime <= TimeSpan.Zero || options.ImageUrlLifetime > LongestUrlLifetime)
            problems.Add($"{ItemOptions.Section}:ImageUrlLifetime must be a positive time span of at most 7 days (e.g. 01:00:00).");
        if (options.OrphanSweepInterval <= TimeSpan.Zero)
            problems.Add($"{ItemOptions.Section}:OrphanSweepInterval must be a positive time span (e.g. 01:00:00).");
        if (options.OverdueNoticeInterval <= TimeSpan.Zero)
            problems.Add($"{ItemOptions.Section}:OverdueNoticeInterval must be a positive time span (e.g. 00:10:00).");
        // Younger than an upload URL's life, an upload could be swept while its item is still being submitted.
        if (options.OrphanAge <= storage.Value.UploadUrlLifetime)
            problems.Add($"{ItemOptions.Section}:OrphanAge must be longer than {StorageOptions.Section}:UploadUrlLifetime (e.g. 1.00:00:00).");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
