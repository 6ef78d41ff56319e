using Woohakdong.Core.Items;

namespace Woohakdong.Web.Hosting;

/// <summary>
/// The demo club's equipment, each with its photo stored as a browser would (<see cref="DemoUploads"/>), then registered,
/// which checks every image. Only with the local disk store, which the embedded default uses.
/// </summary>
internal static class DemoItems
{
    private static readonly (string Name, ItemCategory Category, string Description, string Location, int MaxLoanDays, string Image)[] Items =
    [
        ("캐논 AE-1 필름 카메라", ItemCategory.Digital, "50mm f/1.8 렌즈 포함. 필름은 각자 준비해 주세요.", "동아리방 장비함 1칸", 7, "camera.png"),
        ("맨프로토 삼각대", ItemCategory.Etc, "야경, 장노출 촬영용. 다리 잠금이 헐거우면 총무에게 알려 주세요.", "동아리방 장비함 2칸", 3, "tripod.png"),
        ("사진 입문: 빛과 구도", ItemCategory.Book, "처음 카메라를 잡는 부원에게 추천하는 입문서입니다.", "동아리방 책장", 14, "book.png"),
    ];

    /// <summary>Runs as an officer of the club (the caller's scope has its current user set).</summary>
    public static async Task AddAsync(IServiceProvider services, long clubId)
    {
        var register = services.GetRequiredService<RegisterItem>();
        foreach (var item in Items)
        {
            if (await DemoUploads.UploadAsync(services, clubId, item.Image) is not { } key) return;
            await register.RegisterAsync(clubId, new ItemInput(item.Name, item.Category, item.Description, item.Location, item.MaxLoanDays, [key]));
        }
    }
}
