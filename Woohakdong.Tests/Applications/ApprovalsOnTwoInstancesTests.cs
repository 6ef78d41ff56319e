using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Woohakdong.Core.Common;
using Woohakdong.Tests.Enrollment;
using Woohakdong.Tests.Enrollment.TwoInstances;

namespace Woohakdong.Tests.Applications;

/// <summary>Approvals sent to both app processes at once share one seat limit (the Redis lock and the database guard).</summary>
[Collection(TwoInstancesCollection.Name)]
public sealed class ApprovalsOnTwoInstancesTests(TwoInstances apps)
{
    private const int Seats = 10;
    private const int Applicants = 30;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Approvals_on_both_instances_stop_at_one_limit()
    {
        var club = await apps.OpenFreeClubAsync(Seats, Ct);
        var form = await apps.President.PutAsJsonAsync($"/v1/groups/{club.GroupId}/form", new
        {
            policy = "APPLICATION",
            questions = new[] { new { type = "SHORT_TEXT", title = "지원 동기", required = true } },
        }, Ct);
        var questionId = (await form.JsonAsync()).GetProperty("questions")[0].GetProperty("id").GetInt64();
        var applications = await Task.WhenAll(apps.Students.Skip(100).Take(Applicants).Select(async student =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/groups/{club.GroupId}/applications")
            {
                Content = JsonContent.Create(new { answers = new[] { new { questionId, text = "같이 하고 싶어요" } } }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", student.Token);
            var created = await apps.Clients[student.SignedInOn].SendAsync(request, Ct);
            created.EnsureSuccessStatusCode();
            return (await created.JsonAsync()).GetProperty("applicationId").GetInt64();
        }));
        using var presidentOnB = apps.B.CreateClient();
        presidentOnB.DefaultRequestHeaders.Authorization = apps.President.DefaultRequestHeaders.Authorization;

        // An officer answered BUSY (the club's lock not free in time on a loaded machine) approves again.
        var outcomes = await Task.WhenAll(applications.Select((id, i) => Task.Run(async () =>
        {
            var answer = await Crowd.SendRetryingBusyAsync(i % 2 == 0 ? apps.President : presidentOnB, () =>
                new HttpRequestMessage(HttpMethod.Post, $"/v1/applications/{id}/decision")
                {
                    Content = JsonContent.Create(new { decision = "APPROVE" }),
                }, Ct);
            return answer.Code ?? JsonDocument.Parse(answer.Body).RootElement.GetProperty("status").GetString();
        }, Ct)));
        var tally = string.Join(", ", outcomes.GroupBy(o => o).Select(g => $"{g.Key} ×{g.Count()}"));

        Assert.True(outcomes.Count(o => o == "JOINED") == Seats && outcomes.Count(o => o == ErrorCodes.Full) == Applicants - Seats,
            $"expected {Seats} JOINED and {Applicants - Seats} FULL, got {tally}");
        Assert.Equal((Seats, Seats), await apps.SeatsInDatabaseAsync(club.GroupId, Ct));
    }
}
