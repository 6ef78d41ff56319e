using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Woohakdong.Web.Components.Shared;

/// <summary>
/// MudBlazor's look without its components, for what is only shown: a text, an icon, a link that looks like a button.
/// Every live component keeps its own render trees in each circuit (about 3 KiB each, whatever its size; see
/// docs/benchmarks.md, "Circuits"), and the pages every visitor opens (the layout's bar, the club page) were mostly such
/// components. These write the same elements and classes the components write, into the page's own render tree.
/// Anything interactive (a click handler, a disabled state, a popover) stays a MudBlazor component.
/// </summary>
public static class PlainMarkup
{
    /// <summary>The classes of a <c>MudText</c> of that <paramref name="typo"/>.</summary>
    public static string Text(Typo typo) => $"mud-typography mud-typography-{Css(typo)}";

    /// <summary>A <c>MudIcon</c> (an SVG of 24×24), coloured like the component's <paramref name="color"/>.</summary>
    public static MarkupString Icon(string svg, Color color = Color.Inherit, Size size = Size.Medium)
    {
        var colorClass = color is Color.Inherit or Color.Default ? "" : $" mud-{Css(color)}-text";
        return new MarkupString(
            $"""<svg class="mud-icon-root mud-svg-icon{colorClass} mud-icon-size-{Css(size)}" focusable="false" viewBox="0 0 24 24" aria-hidden="true" role="img">{svg}</svg>""");
    }

    /// <summary>The classes of a <c>MudButton</c> of that variant, colour and size.</summary>
    public static string ButtonClass(Variant variant, Color color, Size size = Size.Medium)
    {
        var v = Css(variant);
        return $"mud-button-root mud-button mud-button-{v} mud-button-{v}-{Css(color)} mud-button-{v}-size-{Css(size)} mud-ripple";
    }

    /// <summary>The classes of a <c>MudIconButton</c> of that colour (its icon inside a <c>mud-icon-button-label</c> span).</summary>
    public static string IconButtonClass(Color color) =>
        $"mud-button-root mud-icon-button mud-{Css(color)}-text hover:mud-{Css(color)}-hover mud-ripple mud-ripple-icon";

    /// <summary>The classes of a filled <c>MudChip</c> (inside a <c>mud-chip-container</c>, with a <c>mud-chip-content</c> span).</summary>
    public static string ChipClass(Color color, Size size = Size.Medium) =>
        $"mud-chip mud-chip-filled mud-chip-size-{Css(size)} mud-chip-color-{Css(color)}";

    /// <summary>A <c>MudButton</c> with an <c>Href</c>: an anchor with the button's label and icons.</summary>
    public static RenderFragment LinkButton(string href, string text, Variant variant, Color color, string? startIcon = null,
        string? endIcon = null, Size size = Size.Medium, string? testId = null, string? target = null) => builder =>
    {
        builder.OpenElement(0, "a");
        builder.AddAttribute(1, "class", ButtonClass(variant, color, size));
        builder.AddAttribute(2, "href", href);
        builder.AddAttribute(3, "data-testid", testId);
        builder.AddAttribute(4, "target", target);
        builder.AddAttribute(5, "rel", target == "_blank" ? "noopener" : null);
        builder.AddContent(6, ButtonLabel(text, startIcon, endIcon, size));
        builder.CloseElement();
    };

    /// <summary>What a <c>MudButton</c> writes inside its element: the label with its icons (for a plain button or anchor).</summary>
    public static RenderFragment ButtonLabel(string text, string? startIcon = null, string? endIcon = null, Size size = Size.Medium) => builder =>
    {
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "class", "mud-button-label");
        if (startIcon is not null) builder.AddMarkupContent(2, ButtonIcon("mud-button-icon-start", startIcon, size));
        builder.AddContent(3, text);
        if (endIcon is not null) builder.AddMarkupContent(4, ButtonIcon("mud-button-icon-end", endIcon, size));
        builder.CloseElement();
    };

    private static string ButtonIcon(string side, string svg, Size size) =>
        $"""<span class="{side} mud-button-icon-size-{Css(size)}">{Icon(svg, size: size)}</span>""";

    // MudBlazor's class names spell these enums' values in lower case (h3, subtitle1, primary, outlined, small).
    private static string Css(Enum value) => value.ToString().ToLowerInvariant();
}
