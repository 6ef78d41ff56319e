using Woohakdong.Core.Notices;
using Woohakdong.Core.Storage;

namespace Woohakdong.Web.Hosting;

/// <summary>
/// The demo club's notices: a pinned one for members with a photo uploaded the way the editor does it (only with the
/// local disk store the embedded default uses), a public recruiting notice, and an older members' notice.
/// </summary>
internal static class DemoNotices
{
    /// <summary>Runs as an officer of the club (the caller's scope has its current user set).</summary>
    public static async Task AddAsync(IServiceProvider services, long clubId)
    {
        var post = services.GetRequiredService<PostNotice>();
        await post.PostAsync(clubId, new NoticeInput(
            "정기 출사 안내",
            "이번 정기 출사는 **셋째 주 토요일**, 서울숲으로 갑니다.\n\n- 집합: 오전 10시, 서울숲역 3번 출구\n- 준비물: 카메라(없으면 동아리 장비 대여), 간식\n\n참석 여부는 단톡방 투표로 알려 주세요.",
            NoticeAudience.Members, Pinned: false));
        await post.PostAsync(clubId, new NoticeInput(
            "신입 부원 모집",
            "사진을 좋아하는 누구나 환영합니다. 카메라가 없어도 괜찮아요.\n\n1. 동아리 페이지에서 **가입하기**를 누르고\n2. 회비를 결제하면 바로 부원이 됩니다.\n\n궁금한 점은 [오픈채팅](https://open.kakao.com/o/woohakdong-photo)으로 물어보세요.",
            NoticeAudience.Public, Pinned: false));
        await post.PostAsync(clubId, new NoticeInput(
            "장비 대여 규칙",
            $"장비는 **최대 7일** 빌릴 수 있고, 반납할 때 사진을 남겨 주세요.{await PhotoAsync(services, clubId)}\n\n> 렌즈에 흠집이 나면 바로 총무에게 알려 주세요.",
            NoticeAudience.Members, Pinned: true));
    }

    /// <summary>A Markdown image of the demo camera, uploaded as the editor would; nothing without the local disk store.</summary>
    private static async Task<string> PhotoAsync(IServiceProvider services, long clubId)
    {
        if (services.GetService<LocalDiskObjectStorage>() is not { } store) return "";
        var url = (await services.GetRequiredService<ImageUploadService>().RequestAsync(clubId, ["image/png"])).Single();
        await using (var image = typeof(DemoNotices).Assembly.GetManifestResourceStream("DemoImages/camera.png")!)
            await store.WriteAsync(url.Key, "image/png", image, ImageTypes.MaxBytes, CancellationToken.None);
        return $"\n\n![동아리 카메라]({url.Key})";
    }
}
