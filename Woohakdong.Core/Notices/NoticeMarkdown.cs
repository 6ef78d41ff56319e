using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Woohakdong.Core.Notices;

/// <summary>
/// A notice's Markdown to safe HTML. Images are the notice's own stored images only: an image whose source is one of
/// its keys shows through a fresh presigned link, any other is dropped (its alt text stays). The HTML Markdig makes,
/// raw HTML in the Markdown included, then goes through HtmlSanitizer with a small allow-list: no scripts, frames,
/// styles or event handlers, links only to http, https and mailto, images only from the links given here.
/// </summary>
public static class NoticeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables().UseEmphasisExtras().UseAutoLinks().UseSoftlineBreakAsHardlineBreak().Build();

    private static readonly string[] Tags =
    [
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "u", "mark", "sub", "sup", "del", "s", "code", "pre", "blockquote",
        "ul", "ol", "li", "a", "img", "table", "thead", "tbody", "tr", "th", "td",
    ];

    /// <summary>The sources of the Markdown images in <paramref name="markdown"/>, in order (raw HTML images are not counted: they never show).</summary>
    public static IReadOnlyList<string> ImageSources(string markdown) =>
        [.. Images(Markdown.Parse(markdown, Pipeline)).Select(image => image.Url ?? "")];

    /// <param name="imageLinks">The notice's image keys and the links to show them through.</param>
    public static string ToHtml(string markdown, IReadOnlyDictionary<string, string> imageLinks)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var image in Images(document).ToList())
        {
            if (image.Url is { } key && imageLinks.TryGetValue(key, out var link)) image.Url = link;
            else image.ReplaceBy(new LiteralInline(AltText(image)));
        }
        var shown = imageLinks.Values.ToHashSet(StringComparer.Ordinal);
        return Sanitizer(shown).Sanitize(document.ToHtml(Pipeline));
    }

    private static IEnumerable<LinkInline> Images(MarkdownDocument document) =>
        document.Descendants<LinkInline>().Where(link => link.IsImage);

    private static string AltText(LinkInline image) =>
        string.Concat(image.Descendants<LiteralInline>().Select(literal => literal.Content.ToString()));

    private static HtmlSanitizer Sanitizer(IReadOnlySet<string> shownImages)
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(Tags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(["href", "src", "alt", "title", "align"], StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        });
        // A raw <img> in the Markdown would otherwise load any address (a tracking pixel) for every reader.
        sanitizer.FilterUrl += (_, e) =>
        {
            if (e.Tag.NodeName.Equals("img", StringComparison.OrdinalIgnoreCase) && !shownImages.Contains(e.OriginalUrl)) e.SanitizedUrl = null;
        };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { NodeName: "A" } link && link.HasAttribute("href"))
            {
                link.SetAttribute("target", "_blank");
                link.SetAttribute("rel", "noopener noreferrer nofollow");
            }
        };
        return sanitizer;
    }
}
