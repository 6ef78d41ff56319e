using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using MudBlazor.Services;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Web.Components.Shared;

namespace Woohakdong.Tests.Shared;

/// <summary>
/// <see cref="PlainMarkup"/> writes what MudBlazor's components write, so the pages look the same without the
/// components: compared with the components themselves, which catches a MudBlazor upgrade that changes its markup.
/// </summary>
public sealed class PlainMarkupTests : PatientBunitContext
{
    public PlainMarkupTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public static TheoryData<Variant, Color, Size, string?, string?> Buttons => new()
    {
        { Variant.Text, Color.Inherit, Size.Medium, Icons.Material.Filled.Search, null },
        { Variant.Outlined, Color.Inherit, Size.Medium, Icons.Material.Filled.PersonAdd, null },
        { Variant.Text, Color.Inherit, Size.Small, null, null },
        { Variant.Outlined, Color.Primary, Size.Medium, Icons.Material.Filled.Dashboard, null },
        { Variant.Filled, Color.Primary, Size.Medium, Icons.Material.Filled.Login, null },
        { Variant.Text, Color.Primary, Size.Medium, null, Icons.Material.Filled.ChevronRight },
    };

    [Theory, MemberData(nameof(Buttons))]
    public void A_link_button_is_a_MudButton_with_an_href(Variant variant, Color color, Size size, string? startIcon, string? endIcon)
    {
        var mud = Render<MudButton>(button => button
            .Add(b => b.Href, "/clubs?q=a&b").Add(b => b.Variant, variant).Add(b => b.Color, color).Add(b => b.Size, size)
            .Add(b => b.StartIcon, startIcon).Add(b => b.EndIcon, endIcon).Add(b => b.Target, "_blank")
            .AddUnmatched("data-testid", "link").AddChildContent("동아리 찾기"));

        var plain = Render(PlainMarkup.LinkButton("/clubs?q=a&b", "동아리 찾기", variant, color, startIcon, endIcon, size, "link", "_blank"));

        // MudButton writes type="button" on an anchor too, where it means nothing.
        plain.MarkupMatches(mud.Markup.Replace(" type=\"button\"", ""));
    }

    [Fact]
    public void A_button_label_is_what_a_submit_MudButton_writes_inside_it()
    {
        var mud = Render<MudButton>(button => button.Add(b => b.ButtonType, ButtonType.Submit).Add(b => b.Color, Color.Inherit)
            .Add(b => b.StartIcon, Icons.Material.Filled.Logout).AddChildContent("로그아웃"));

        Assert.Equal(PlainMarkup.ButtonClass(Variant.Text, Color.Inherit), mud.Find("button").GetAttribute("class"));
        Render(PlainMarkup.ButtonLabel("로그아웃", startIcon: Icons.Material.Filled.Logout)).MarkupMatches(mud.Find("button").InnerHtml);
    }

    [Theory]
    [InlineData(Typo.h3), InlineData(Typo.h6), InlineData(Typo.subtitle1), InlineData(Typo.body1), InlineData(Typo.body2), InlineData(Typo.caption)]
    public void Text_classes_are_a_MudTexts(Typo typo)
    {
        var mud = Render<MudText>(text => text.Add(t => t.Typo, typo).AddChildContent("우학동"));

        Assert.Equal(PlainMarkup.Text(typo), mud.Find("*").GetAttribute("class"));
    }

    [Theory]
    [InlineData(Color.Primary), InlineData(Color.Inherit)]
    public void An_icon_is_a_MudIcon(Color color)
    {
        var mud = Render<MudIcon>(icon => icon.Add(i => i.Icon, Icons.Material.Filled.MeetingRoom).Add(i => i.Color, color));

        Render(builder => builder.AddContent(0, PlainMarkup.Icon(Icons.Material.Filled.MeetingRoom, color))).MarkupMatches(mud.Markup);
    }

    [Fact]
    public void Icon_button_classes_are_a_MudIconButtons()
    {
        var mud = Render<MudIconButton>(button => button.Add(b => b.Icon, Icons.Material.Filled.Menu).Add(b => b.Color, Color.Inherit));

        Assert.Equal(PlainMarkup.IconButtonClass(Color.Inherit), mud.Find("button").GetAttribute("class"));
        mud.Find("button > .mud-icon-button-label").InnerHtml.MarkupMatches(PlainMarkup.Icon(Icons.Material.Filled.Menu).Value);
    }

    [Theory]
    [InlineData(Color.Success), InlineData(Color.Default)]
    public void Chip_classes_are_a_filled_MudChips(Color color)
    {
        var mud = Render<MudChip<string>>(chip => chip.Add(c => c.Color, color).Add(c => c.Size, Size.Small).AddChildContent("모집 중"));

        Assert.Equal(PlainMarkup.ChipClass(color, Size.Small), mud.Find(".mud-chip").GetAttribute("class"));
        Assert.Equal("모집 중", mud.Find(".mud-chip > .mud-chip-content").TextContent);
    }
}
