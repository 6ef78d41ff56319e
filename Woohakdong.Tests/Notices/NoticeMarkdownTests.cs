using Woohakdong.Core.Notices;

namespace Woohakdong.Tests.Notices;

public sealed class NoticeMarkdownTests
{
    private static readonly Dictionary<string, string> NoImages = [];

    private static string Html(string markdown) => NoticeMarkdown.ToHtml(markdown, NoImages);

    [Theory]
    [InlineData("안녕하세요 <script>alert(1)</script> 회원 여러분")]
    [InlineData("<SCRIPT src=\"https://evil.example/x.js\"></SCRIPT>")]
    [InlineData("```\ncode\n```\n<script>document.cookie</script>")]
    public void Scripts_are_removed(string markdown) => Assert.DoesNotContain("<script", Html(markdown), StringComparison.OrdinalIgnoreCase);

    [Theory]
    [InlineData("[눌러 보세요](javascript:alert(1))")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("<a href=\"vbscript:msgbox(1)\">x</a>")]
    public void Script_links_lose_their_address(string markdown)
    {
        var html = Html(markdown);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("vbscript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("<img src=x onerror=\"alert(1)\">")]
    [InlineData("<p onclick=\"alert(1)\">클릭</p>")]
    [InlineData("<a href=\"https://example.com\" onmouseover=\"alert(1)\">x</a>")]
    [InlineData("<svg onload=alert(1)>")]
    [InlineData("<div style=\"background:url(javascript:alert(1))\">x</div>")]
    public void Event_handlers_and_styles_are_removed(string markdown)
    {
        var html = Html(markdown);
        Assert.DoesNotContain(" on", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<object data=\"x.swf\"></object><embed src=\"x.swf\">")]
    [InlineData("<form action=\"https://evil.example\"><input name=p></form>")]
    [InlineData("<style>body{display:none}</style><link rel=stylesheet href=x><meta http-equiv=refresh content=0>")]
    public void Frames_objects_forms_and_styles_are_removed(string markdown)
    {
        var html = Html(markdown);
        foreach (var tag in new[] { "<iframe", "<object", "<embed", "<form", "<input", "<style", "<link", "<meta" })
            Assert.DoesNotContain(tag, html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Markdown_renders_headings_lists_emphasis_tables_and_safe_links()
    {
        var html = Html("# 정기 모임\n\n- **목요일** 7시\n- ~~금요일~~\n\n| 장소 | 시간 |\n|---|---|\n| 304호 | 19:00 |\n\n[신청](https://forms.example/a)");

        Assert.Contains("<h1>정기 모임</h1>", html);
        Assert.Contains("<strong>목요일</strong>", html);
        Assert.Contains("<del>금요일</del>", html);
        Assert.Contains("<td>304호</td>", html);
        Assert.Contains("href=\"https://forms.example/a\"", html);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", html);
    }

    [Fact]
    public void Only_the_notices_own_images_show_and_through_the_links_given()
    {
        const string key = "clubs/1/images/2026/12/abc.png";
        var links = new Dictionary<string, string> { [key] = "https://s3.example/abc.png?sig=1" };

        var html = NoticeMarkdown.ToHtml(
            $"![포스터]({key})\n\n![추적](https://tracker.example/pixel.png)\n\n<img src=\"https://tracker.example/raw.png\">", links);

        Assert.Contains("src=\"https://s3.example/abc.png?sig=1\"", html);
        Assert.Contains("추적", html);
        Assert.DoesNotContain("tracker.example", html);
    }

    [Fact]
    public void Image_sources_are_the_markdown_images_in_order()
    {
        Assert.Equal(
            ["clubs/1/uploads/a.png", "https://x.example/b.png"],
            NoticeMarkdown.ImageSources("![a](clubs/1/uploads/a.png) 글 [링크](https://y.example) ![b](https://x.example/b.png)"));
    }
}
