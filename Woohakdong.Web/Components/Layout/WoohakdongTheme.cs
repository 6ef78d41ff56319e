using MudBlazor;

namespace Woohakdong.Web.Components.Layout;

public static class WoohakdongTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e79",
            Secondary = "#f28c28",
            AppbarBackground = "#1f4e79",
            Background = "#f6f7f9",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["Pretendard", "Apple SD Gothic Neo", "Malgun Gothic", "Noto Sans CJK KR", "Noto Sans KR", "sans-serif"],
            },
            // Labels read as written ("Sign in", not "SIGN IN"); Hangul has no case anyway.
            Button = new ButtonTypography { TextTransform = "none" },
        },
    };
}
