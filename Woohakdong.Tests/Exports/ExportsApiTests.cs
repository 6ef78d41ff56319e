using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Woohakdong.Core.Common;
using Woohakdong.Core.Exports;
using Woohakdong.Tests.Api;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Tests.Ledger;
using Woohakdong.Tests.Notices;

namespace Woohakdong.Tests.Exports;

/// <summary>The files the exports write: real workbooks and BOM-led CSV with Korean intact, named in Korean.</summary>
public sealed class ExportsApiTests(CastApp app) : IClassFixture<CastApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_roster_is_a_workbook_with_a_korean_header_row_dates_as_dates_and_won_as_numbers()
    {
        var cast = await app.CastAsync();
        await NameAsync(cast.Emails[Caller.Member], "김우학");

        using var response = await cast[Caller.Officer].GetAsync($"/v1/clubs/{cast.ClubId}/exports/roster?format=xlsx", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ClubExports.XlsxType, response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.EndsWith("_회원명부_" + Core.Membership.Term.Current(TimeProvider.System).Key + ".xlsx", disposition.FileNameStar);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        using var workbook = new MemoryStream(bytes);
        var header = ((IDictionary<string, object?>)MiniExcel.Query(workbook, useHeaderRow: false).First()).Values.ToList();
        Assert.Equal(["이름", "학번", "학과", "학교", "연락처", "이메일", "역할", "가입일", "회비 납부 여부", "금액"], header.Select(h => h?.ToString()));
        workbook.Position = 0;
        var rows = MiniExcel.Query(workbook, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(5, rows.Count);
        var member = rows.Single(r => (string?)r["이름"] == "김우학");
        Assert.Equal(("회원", "미납"), ((string?)member["역할"], (string?)member["회비 납부 여부"]));
        Assert.IsType<DateTime>(member["가입일"]);
        Assert.Equal("회장", rows[0]["역할"]);
    }

    [Fact]
    public async Task The_ledger_workbook_has_signed_amounts_as_numbers_in_a_won_format()
    {
        var cast = await app.SeedApiCastAsync();
        using (var created = await cast[Caller.Secretary].PostEntryAsync(cast.ClubId, 23_000, memo: "간식")) Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using (var income = await cast[Caller.Secretary].PostEntryAsync(cast.ClubId, 50_000, "INCOME", "OTHER_INCOME", memo: "지원금")) Assert.Equal(HttpStatusCode.Created, income.StatusCode);

        using var response = await cast[Caller.President].GetAsync($"/v1/clubs/{cast.ClubId}/exports/ledger", Ct);

        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        var rows = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal([-23_000d, 50_000d], rows.Select(r => r["금액"]));
        Assert.Equal(["간식·식비", "회비 외 수입"], rows.Select(r => r["항목"]));
        Assert.All(rows, r => Assert.IsType<DateTime>(r["날짜"]));
        Assert.Contains("formatCode=\"[$₩-412]#,##0\"", StylesOf(bytes));
    }

    [Fact]
    public async Task The_ledger_csv_starts_with_a_bom_and_keeps_korean_quotes_and_signs()
    {
        var cast = await app.SeedApiCastAsync();
        using (var created = await cast[Caller.Secretary].PostEntryAsync(cast.ClubId, 23_000, memo: "간식, \"치킨\" 두 마리")) Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using (var formula = await cast[Caller.Secretary].PostEntryAsync(cast.ClubId, 1_000, memo: "=HYPERLINK(\"x\")")) Assert.Equal(HttpStatusCode.Created, formula.StatusCode);

        using var response = await cast[Caller.Secretary].GetAsync($"/v1/clubs/{cast.ClubId}/exports/ledger?format=csv", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = new UTF8Encoding(false).GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("번호,날짜,구분,항목,금액,메모,출처,취소한 항목,기록자,기록 일시,영수증", lines[0]);
        Assert.Contains(",지출,간식·식비,-23000,\"간식, \"\"치킨\"\" 두 마리\",직접 입력,", lines[1]);
        // A memo Excel would run as a formula is kept as text.
        Assert.Contains(",-1000,\"'=HYPERLINK(\"\"x\"\")\",", lines[2]);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition!.FileNameStar);
    }

    [Fact]
    public async Task The_dashboards_download_route_answers_the_same_file()
    {
        var cast = await app.CastAsync();

        using var response = await cast[Caller.President].GetAsync($"/exports/clubs/{cast.ClubId}/payments?format=csv&status=COMPLETED", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Encoding.UTF8.GetString((await response.Content.ReadAsByteArrayAsync(Ct))[3..]);
        Assert.StartsWith("주문번호,이름,항목,금액,상태,환불액,환불 사유,주문 일시,최근 변경", text);
    }

    [Theory]
    [InlineData("roster?term=1999-1", HttpStatusCode.NotFound, ErrorCodes.TermNotFound)]
    [InlineData("roster?term=2099-2", HttpStatusCode.NotFound, ErrorCodes.TermNotFound)]
    [InlineData("roster?term=2026-9", HttpStatusCode.BadRequest, ErrorCodes.InvalidInput)]
    [InlineData("roster?format=pdf", HttpStatusCode.BadRequest, ErrorCodes.ExportFormatInvalid)]
    [InlineData("roster?role=KING", HttpStatusCode.BadRequest, ErrorCodes.RoleInvalid)]
    [InlineData("payments?status=PAID_TWICE", HttpStatusCode.BadRequest, ErrorCodes.PaymentStatusInvalid)]
    [InlineData("payments?status=2", HttpStatusCode.BadRequest, ErrorCodes.PaymentStatusInvalid)]
    [InlineData("applications?status=MAYBE", HttpStatusCode.BadRequest, ErrorCodes.ApplicationStatusInvalid)]
    [InlineData("applications?status=0", HttpStatusCode.BadRequest, ErrorCodes.ApplicationStatusInvalid)]
    [InlineData("minutes", HttpStatusCode.NotFound, ErrorCodes.ExportNotFound)]
    [InlineData("..%2F..%2Fetc", HttpStatusCode.NotFound, ErrorCodes.ExportNotFound)]
    public async Task Bad_export_requests_are_refused_with_their_code(string path, HttpStatusCode status, string code)
    {
        var cast = await app.CastAsync();

        using var response = await cast[Caller.President].GetAsync($"/v1/clubs/{cast.ClubId}/exports/{path}", Ct);

        await response.IsProblemAsync(status, code);
    }

    private async Task NameAsync(string email, string name)
    {
        await using var db = await app.DbAsync();
        await db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(set => set.SetProperty(u => u.DisplayName, name), Ct);
    }

    private static string StylesOf(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("xl/styles.xml")!.Open());
        return reader.ReadToEnd();
    }
}

public sealed class ExportFileNameTests
{
    [Theory]
    [InlineData("사진부_회원명부_2026-2", "사진부_회원명부_2026-2.xlsx")]
    [InlineData("사진: \"부\" <A/B>|*?\\명부", "사진_ _부_ _A_B_____명부.xlsx")]
    [InlineData("끝에 점...", "끝에 점.xlsx")]
    [InlineData("탭\t줄\n", "탭_줄_.xlsx")]
    [InlineData("???", "___.xlsx")]
    [InlineData("   ", "export.xlsx")]
    public void Characters_windows_refuses_are_replaced(string stem, string expected) =>
        Assert.Equal(expected, ExportFileNames.Of(stem, "xlsx"));
}
