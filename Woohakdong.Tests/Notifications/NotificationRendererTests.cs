using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Applications;
using Woohakdong.Core.Common;
using Woohakdong.Core.Events;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Notifications;

namespace Woohakdong.Tests.Notifications;

public sealed class NotificationRendererTests
{
    private static readonly NotificationRenderer Renderer = new(new StringLocalizer<NotificationText>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance)));

    private static readonly Guid Someone = Guid.NewGuid();

    private static readonly EventNews News = new(1, "c", "t", "p", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    [Fact]
    public void A_receipt_reads_in_Korean_with_won_and_the_KST_time()
    {
        var paidAt = new DateTimeOffset(2026, 3, 2, 23, 30, 0, TimeSpan.Zero); // 08:30 the next morning in Seoul
        var draft = NotificationDraft.PaymentCompleted(Someone, "우학동 사진부", 15_000, paidAt, "join-42-abc");

        var text = Renderer.Render(draft.Kind, Serialized(draft), Languages.Korean);

        Assert.Equal("우학동 사진부 회비 결제 완료", text.Title);
        Assert.Equal("우학동 사진부 회비 ₩15,000 결제가 완료되었습니다. 결제 일시 2026-03-03 08:30, 주문번호 join-42-abc.", text.Body);
    }

    [Fact]
    public void The_same_notification_reads_in_English_for_an_English_reader()
    {
        var draft = NotificationDraft.RoleChanged(Someone, "Photo club", "photo", ClubRole.VicePresident);

        var text = Renderer.Render(draft.Kind, Serialized(draft), Languages.English);

        Assert.Equal("Photo club: your role changed", text.Title);
        Assert.Equal("Your role in Photo club is now vice-president.", text.Body);
    }

    [Fact]
    public void Every_kind_has_a_title_and_a_body_in_both_languages_with_every_placeholder_filled()
    {
        var drafts = new[]
        {
            NotificationDraft.PaymentCompleted(Someone, "c", 1, DateTimeOffset.UnixEpoch, "o"),
            NotificationDraft.PaymentCompleted(Someone, "c", 1, DateTimeOffset.UnixEpoch, "o", "e"),
            NotificationDraft.RefundMade(Someone, "c", 1, "r", "o"),
            NotificationDraft.RefundMade(Someone, "c", 1, "r", "o", "e"),
            NotificationDraft.RoleChanged(Someone, "c", "c", ClubRole.Officer),
            NotificationDraft.PresidencyHanded(Someone, "c", "c", "f"),
            NotificationDraft.ItemOverdue(Someone, "c", "i", "c", 1, new DateOnly(2026, 3, 2)),
            NotificationDraft.ItemReturnedForYou(Someone, "c", "i", "c", 1, "o"),
            NotificationDraft.NoticePosted(Someone, "c", "c", "t", 1),
            ApplicationDrafts.Received(Someone, "c", "c", 2),
            ApplicationDrafts.Decided(Someone, "c", ApplicationStatus.Interview, "m"),
            ApplicationDrafts.Decided(Someone, "c", ApplicationStatus.Approved, "m"),
            ApplicationDrafts.Decided(Someone, "c", ApplicationStatus.Rejected, "m"),
            ApplicationDrafts.PaymentDue(Someone, "c", 1, DateTimeOffset.UnixEpoch),
            ApplicationDrafts.Expired(Someone, "c", DateTimeOffset.UnixEpoch),
            ApplicationDrafts.ApplicantExpired(Someone, "c", "c", "a", DateTimeOffset.UnixEpoch),
            EventDrafts.Changed(Someone, News),
            EventDrafts.Cancelled(Someone, News, refund: null, pending: false),
            EventDrafts.Cancelled(Someone, News, refund: 1, pending: false),
            EventDrafts.Cancelled(Someone, News, refund: null, pending: true),
            EventDrafts.Reminder(Someone, News),
            WaitlistDrafts.Offered(Someone, "c", "t", 1, 1, DateTimeOffset.UnixEpoch),
            WaitlistDrafts.Seated(Someone, "c", "t", 1, DateTimeOffset.UnixEpoch),
            WaitlistDrafts.OfferLapsed(Someone, "c", "t", 1),
            NotificationDraft.PasswordReset(Someone, new Uri("http://x/")),
            NotificationDraft.EmailConfirmation(Someone, new Uri("http://x/")),
            NotificationDraft.EmailChange(Someone, "a@b.c", new Uri("http://x/")),
        };
        Assert.Equal(Enum.GetValues<NotificationKind>().Order(), drafts.Select(d => d.Kind).Distinct().Order());

        foreach (var draft in drafts)
        foreach (var culture in new[] { Languages.Korean, Languages.English })
        {
            var text = Renderer.Render(draft.Kind, Serialized(draft), culture);
            Assert.False(string.IsNullOrWhiteSpace(text.Title), $"{draft.Kind} title in {culture}");
            Assert.DoesNotContain("{", text.Title + text.Body);
            Assert.DoesNotContain(".Title", text.Title);
        }
    }

    private static string Serialized(NotificationDraft draft) => System.Text.Json.JsonSerializer.Serialize(draft.Parameters);
}
