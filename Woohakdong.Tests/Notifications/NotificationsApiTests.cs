using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Notifications;
using Woohakdong.Tests.Api;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Notifications;

/// <summary>/v1/me/notifications and /v1/me/notification-settings: the caller's own inbox, and refusals as problems.</summary>
public sealed class NotificationsApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(ApiAccounts.SignedIn Student, Guid Id)> StudentAsync()
    {
        var student = await app.SignUpAsync();
        return (student, await app.Services.UserIdAsync(student.Email));
    }

    private static async Task<JsonElement[]> ListAsync(HttpClient client, string query = "")
    {
        var response = await client.GetAsync($"/v1/me/notifications{query}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray()];
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task The_list_is_the_callers_own_newest_first_rendered_with_kind_names_and_filtered_by_unread()
    {
        var (student, id) = await StudentAsync();
        var (_, otherId) = await StudentAsync();
        await app.Services.RecordAsync(Inboxes.RoleChanged(id, "사진 동아리"));
        await app.Services.RecordAsync(
            NotificationDraft.PaymentCompleted(id, "산악회", 15_000, DateTimeOffset.Parse("2026-03-02T05:30:00Z"), "WHD-1"),
            Inboxes.RoleChanged(otherId, "남의 동아리"));

        var all = await ListAsync(student.Client);

        Assert.Equal(["PAYMENT_COMPLETED", "ROLE_CHANGED"], all.Select(n => n.GetProperty("kind").GetString()));
        var payment = all[0];
        Assert.Equal("산악회 회비 결제 완료", payment.GetProperty("title").GetString());
        Assert.Contains("₩15,000", payment.GetProperty("body").GetString());
        Assert.Contains("2026-03-02 14:30", payment.GetProperty("body").GetString());
        Assert.Equal("/me/payments", payment.GetProperty("link").GetString());
        Assert.Equal(JsonValueKind.Null, payment.GetProperty("readAt").ValueKind);
        Assert.True(payment.GetProperty("createdAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));

        var read = await student.Client.PostAsync($"/v1/me/notifications/{all[1].GetProperty("id").GetInt64()}/read", null, Ct);
        Assert.Equal(HttpStatusCode.NoContent, read.StatusCode);
        Assert.Equal(["PAYMENT_COMPLETED"], (await ListAsync(student.Client, "?unread=true")).Select(n => n.GetProperty("kind").GetString()));
        Assert.NotEqual(JsonValueKind.Null, (await ListAsync(student.Client))[1].GetProperty("readAt").ValueKind);
    }

    [Fact]
    public async Task The_list_is_rendered_in_the_requests_language()
    {
        var (student, id) = await StudentAsync();
        await app.Services.RecordAsync(Inboxes.RoleChanged(id, "Photo Club", ClubRole.Officer));

        var english = await ListAsync(student.Client, "?culture=en-US");

        Assert.Equal("Photo Club: your role changed", english[0].GetProperty("title").GetString());
        Assert.Equal("Your role in Photo Club is now officer.", english[0].GetProperty("body").GetString());
        Assert.Equal("Photo Club 역할 변경", (await ListAsync(student.Client))[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task Reading_another_users_or_an_unknown_notification_is_404_and_leaves_it_unread()
    {
        var (student, _) = await StudentAsync();
        var (owner, ownerId) = await StudentAsync();
        await app.Services.RecordAsync(Inboxes.RoleChanged(ownerId));
        var theirs = (await ListAsync(owner.Client))[0].GetProperty("id").GetInt64();

        var another = await student.Client.PostAsync($"/v1/me/notifications/{theirs}/read", null, Ct);
        var unknown = await student.Client.PostAsync($"/v1/me/notifications/{long.MaxValue}/read", null, Ct);

        await another.IsProblemAsync(HttpStatusCode.NotFound, "NOTIFICATION_NOT_FOUND");
        await unknown.IsProblemAsync(HttpStatusCode.NotFound, "NOTIFICATION_NOT_FOUND");
        Assert.Single(await ListAsync(owner.Client, "?unread=true"));
    }

    [Fact]
    public async Task Reading_one_twice_is_204_both_times_and_keeps_the_first_read_time()
    {
        var (student, id) = await StudentAsync();
        await app.Services.RecordAsync(Inboxes.RoleChanged(id));
        var notificationId = (await ListAsync(student.Client))[0].GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.NoContent, (await student.Client.PostAsync($"/v1/me/notifications/{notificationId}/read", null, Ct)).StatusCode);
        var firstRead = (await ListAsync(student.Client))[0].GetProperty("readAt").GetDateTimeOffset();
        Assert.Equal(HttpStatusCode.NoContent, (await student.Client.PostAsync($"/v1/me/notifications/{notificationId}/read", null, Ct)).StatusCode);

        Assert.Equal(firstRead, (await ListAsync(student.Client))[0].GetProperty("readAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Read_all_answers_how_many_it_marked_and_only_the_callers()
    {
        var (student, id) = await StudentAsync();
        var (other, otherId) = await StudentAsync();
        await app.Services.RecordAsync(Inboxes.RoleChanged(id), Inboxes.RoleChanged(id), Inboxes.RoleChanged(id), Inboxes.RoleChanged(otherId));

        var first = await student.Client.PostAsync("/v1/me/notifications/read-all", null, Ct);
        var again = await student.Client.PostAsync("/v1/me/notifications/read-all", null, Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(3, (await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("marked").GetInt32());
        Assert.Equal(0, (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("marked").GetInt32());
        Assert.Empty(await ListAsync(student.Client, "?unread=true"));
        Assert.Single(await ListAsync(other.Client, "?unread=true"));
    }

    [Theory]
    [InlineData("GET", "/v1/me/notifications")]
    [InlineData("POST", "/v1/me/notifications/1/read")]
    [InlineData("POST", "/v1/me/notifications/read-all")]
    [InlineData("GET", "/v1/me/notification-settings")]
    [InlineData("PUT", "/v1/me/notification-settings")]
    public async Task Without_a_token_every_endpoint_is_401(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = Json("""{"language":"en","email":{}}""") };

        var response = await app.CreateClient().SendAsync(request, Ct);

        await response.IsProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task Settings_default_to_every_optional_kind_by_email_and_a_put_changes_only_the_kinds_it_names()
    {
        var (student, _) = await StudentAsync();
        var before = await student.Client.GetFromJsonAsync<JsonElement>("/v1/me/notification-settings", Ct);

        var put = await student.Client.PutAsync("/v1/me/notification-settings",
            Json("""{"language":"en","email":{"ITEM_OVERDUE":false,"REFUND_MADE":false}}"""), Ct);
        var putAgain = await student.Client.PutAsync("/v1/me/notification-settings",
            Json("""{"language":"en","email":{"REFUND_MADE":true}}"""), Ct);

        Assert.Equal("ko", before.GetProperty("language").GetString());
        Assert.Equal(
            NotificationKinds.Optional.Select(kind => JsonSerializer.Serialize(kind).Trim('"')),
            before.GetProperty("email").EnumerateObject().Select(kind => kind.Name));
        // Every feature adds kinds; the account mails, which cannot be turned off, must never be offered.
        Assert.DoesNotContain("PASSWORD_RESET", before.GetProperty("email").EnumerateObject().Select(kind => kind.Name));
        Assert.All(before.GetProperty("email").EnumerateObject(), kind => Assert.True(kind.Value.GetBoolean()));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.OK, putAgain.StatusCode);
        var after = await student.Client.GetFromJsonAsync<JsonElement>("/v1/me/notification-settings", Ct);
        Assert.Equal("en", after.GetProperty("language").GetString());
        Assert.Equal(["ITEM_OVERDUE"], after.GetProperty("email").EnumerateObject().Where(k => !k.Value.GetBoolean()).Select(k => k.Name));
        Assert.Equal(after.GetRawText(), (await putAgain.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetRawText());
    }

    [Theory]
    [InlineData("""{"language":"en","email":{"NOT_A_KIND":false}}""", "NOTIFICATION_KIND_INVALID", "email")]
    [InlineData("""{"language":"en","email":{"PASSWORD_RESET":false}}""", "NOTIFICATION_KIND_INVALID", "email")]
    [InlineData("""{"language":"en","email":{"EMAIL_CONFIRMATION":false}}""", "NOTIFICATION_KIND_INVALID", "email")]
    [InlineData("""{"language":"en","email":{"payment_completed":false}}""", "NOTIFICATION_KIND_INVALID", "email")]
    [InlineData("""{"language":"en","email":{"3":false}}""", "NOTIFICATION_KIND_INVALID", "email")]
    [InlineData("""{"language":"fr","email":{}}""", "LANGUAGE_INVALID", "language")]
    [InlineData("""{"language":"","email":{}}""", "LANGUAGE_INVALID", "language")]
    [InlineData("""{"email":{}}""", "FIELD_REQUIRED", "language")]
    [InlineData("""{"language":"ko"}""", "FIELD_REQUIRED", "email")]
    [InlineData("""{"language":"ko","email":null}""", "FIELD_REQUIRED", "email")]
    [InlineData("""{"language":1,"email":{}}""", "INVALID_INPUT", "language")]
    [InlineData("""{"language":"ko","email":7}""", "INVALID_INPUT", "email")]
    [InlineData("""{"language":"ko","email":["PAYMENT_COMPLETED"]}""", "INVALID_INPUT", "email")]
    [InlineData("""{"language":"ko","email":{"PAYMENT_COMPLETED":"no"}}""", "INVALID_INPUT", null)]
    [InlineData("""{"language":"ko","email":{"PAYMENT_COMPLETED":null}}""", "INVALID_INPUT", null)]
    public async Task Bad_settings_are_a_400_with_a_stable_code_and_change_nothing(string body, string code, string? field)
    {
        var (student, _) = await StudentAsync();

        var response = await student.Client.PutAsync("/v1/me/notification-settings", Json(body), Ct);

        await response.IsProblemAsync(HttpStatusCode.BadRequest, code, field);
        var settings = await student.Client.GetFromJsonAsync<JsonElement>("/v1/me/notification-settings", Ct);
        Assert.Equal("ko", settings.GetProperty("language").GetString());
        Assert.All(settings.GetProperty("email").EnumerateObject(), kind => Assert.True(kind.Value.GetBoolean()));
    }

    [Theory]
    [InlineData("?unread=maybe")]
    [InlineData("?unread=1")]
    public async Task A_malformed_unread_filter_is_a_400(string query)
    {
        var (student, _) = await StudentAsync();

        var response = await student.Client.GetAsync($"/v1/me/notifications{query}", Ct);

        await response.IsProblemAsync(HttpStatusCode.BadRequest, "INVALID_INPUT");
    }
}
