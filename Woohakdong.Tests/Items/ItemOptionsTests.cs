using Microsoft.Extensions.Options;
using Woohakdong.Core.Items;
using Woohakdong.Core.Storage;

namespace Woohakdong.Tests.Items;

public sealed class ItemOptionsTests
{
    private static readonly ItemOptionsValidator Validator = new(Options.Create(new StorageOptions()));

    [Fact]
    public void The_defaults_pass() => Assert.True(Validator.Validate(null, new ItemOptions()).Succeeded);

    [Fact]
    public void An_orphan_age_within_an_upload_urls_life_is_refused_naming_both_settings()
    {
        var result = Validator.Validate(null, new ItemOptions { OrphanAge = TimeSpan.FromMinutes(5) });

        Assert.True(result.Failed);
        Assert.Contains("Items:OrphanAge must be longer than Storage:UploadUrlLifetime", result.FailureMessage);
    }

    [Fact]
    public void A_zero_interval_and_an_image_link_of_eight_days_are_refused()
    {
        var result = Validator.Validate(null, new ItemOptions { OrphanSweepInterval = TimeSpan.Zero, ImageUrlLifetime = TimeSpan.FromDays(8) });

        Assert.Contains("Items:OrphanSweepInterval", result.FailureMessage);
        Assert.Contains("Items:ImageUrlLifetime", result.FailureMessage);
    }

    [Fact]
    public void A_zero_overdue_notice_interval_is_refused_naming_it()
    {
        var result = Validator.Validate(null, new ItemOptions { OverdueNoticeInterval = TimeSpan.Zero });

        Assert.Contains("Items:OverdueNoticeInterval", result.FailureMessage);
    }
}
