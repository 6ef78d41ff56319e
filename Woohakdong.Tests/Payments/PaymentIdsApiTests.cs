using System.Net;
using System.Net.Http.Json;
using System.Text;
using Woohakdong.Tests.Api;
using Woohakdong.Tests.Enrollment;

namespace Woohakdong.Tests.Payments;

/// <summary>imp_uid and merchant_uid arriving from outside (webhook, browser confirm) have one accepted shape; anything else is a 400.</summary>
public sealed class PaymentIdsApiTests(PaymentsApp payments) : IClassFixture<PaymentsApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("merchant_uid=%00%ff", "INVALID_INPUT", null)]
    [InlineData("imp_uid=imp_1%1b%5b2J&merchant_uid=order-1", "IMP_UID_INVALID", "imp_uid")]
    [InlineData("merchant_uid=order%0d%0a1", "MERCHANT_UID_INVALID", "merchant_uid")]
    [InlineData("merchant_uid=12345678901234567890123456789012345678901", "MERCHANT_UID_INVALID", "merchant_uid")]
    public async Task A_form_webhook_with_a_malformed_key_is_a_400_problem(string form, string code, string? field)
    {
        var response = await payments.App.CreateClient().PostAsync(
            "/webhooks/portone", new StringContent(form, Encoding.ASCII, "application/x-www-form-urlencoded"), Ct);

        await response.IsProblemAsync(HttpStatusCode.BadRequest, code, field);
    }

    [Fact]
    public async Task A_json_webhook_with_an_over_long_imp_uid_is_a_400_problem()
    {
        var response = await payments.App.CreateClient().PostAsJsonAsync(
            "/webhooks/portone", new { imp_uid = new string('1', 10_000), merchant_uid = "order-1" }, Ct);

        await response.IsProblemAsync(HttpStatusCode.BadRequest, "IMP_UID_INVALID", "imp_uid");
    }

    [Fact]
    public async Task A_webhook_without_any_key_is_a_400_problem()
    {
        var response = await payments.App.CreateClient().PostAsJsonAsync("/webhooks/portone", new { status = "paid" }, Ct);

        await response.IsProblemAsync(HttpStatusCode.BadRequest, "INVALID_INPUT");
    }

    [Theory]
    [InlineData(10_000, "imp_1", "IMP_UID_INVALID", "impUid")]
    [InlineData(0, "imp_\u00001", "IMP_UID_INVALID", "impUid")]
    public async Task Confirming_with_an_over_long_or_nul_holding_imp_uid_is_a_400_naming_it(int length, string impUid, string code, string field)
    {
        var student = await ApiStudents.SignUpAsync(payments.App);
        var body = new { merchantUid = "order-1", impUid = length > 0 ? new string('1', length) : impUid };

        var response = await student.PostAsJsonAsync("/v1/groups/1/joins/confirm", body, Ct);

        await response.IsProblemAsync(HttpStatusCode.BadRequest, code, field);
    }

    [Fact]
    public async Task Confirming_with_a_nul_holding_merchant_uid_is_a_400_naming_it()
    {
        var student = await ApiStudents.SignUpAsync(payments.App);

        var response = await student.PostAsJsonAsync("/v1/groups/1/joins/confirm", new { merchantUid = "order\u00001", impUid = "imp_1" }, Ct);

        await response.IsProblemAsync(HttpStatusCode.BadRequest, "MERCHANT_UID_INVALID", "merchantUid");
    }
}
