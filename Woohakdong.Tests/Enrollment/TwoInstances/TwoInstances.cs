using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Enrollment.TwoInstances;

/// <summary>A signed-up student with a complete profile and the bearer token it got from <see cref="SignedInOn"/>.</summary>
public sealed record Student(int Number, string Email, string Token, AppProcess SignedInOn);

/// <summary>A free club with open recruitment.</summary>
public sealed record OpenClub(long ClubId, long GroupId);

/// <summary>
/// Two app processes (A and B) with production settings (PostgreSQL, Redis, the RedLock seat lock) sharing one fresh
/// database and a private Redis, plus 1,000 students with complete profiles, set up once for the collection: each test
/// opens its own club or event. They run as Staging: the Production environment also demands PortOne's live API, which cannot
/// be reached here, and joining a free club never calls it.
/// </summary>
public sealed class TwoInstances : IAsyncLifetime
{
    public const int StudentCount = 1000;
    // Setup, not the test: enough parallel sign-ups to keep both instances busy without flooding them.
    private const int SetupParallelism = 16;
    // Two instances of 20 plus the no-lock pair of 12 and the tests' own stay far below PostgreSQL's 100 connections,
    // which other test runs on this machine share.
    public const int InstancePoolSize = 20;
    public const string Password = "woohak2026";
    private readonly TestDatabase database = TestDatabase.Create(Core.Data.DatabaseProvider.Postgres);
    private readonly List<IAsyncDisposable> owned = [];
    private readonly List<HttpClient> clients = [];

    public RedisProcess Redis { get; private set; } = null!;
    public AppProcess A { get; private set; } = null!;
    public AppProcess B { get; private set; } = null!;
    public IReadOnlyDictionary<AppProcess, HttpClient> Clients { get; private set; } = null!;
    public IReadOnlyList<Student> Students { get; private set; } = [];
    public HttpClient President { get; private set; } = null!;

    /// <summary>How long the shared setup took, for the test output (the team tracks these figures).</summary>
    public string SetupReport { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = Stopwatch.StartNew();
        Redis = await RedisProcess.StartAsync(ct);
        owned.Add(Redis);
        var pair = await StartPairAsync("Staging", InstancePoolSize, new Dictionary<string, string>(), ct);
        owned.AddRange(pair);
        (A, B) = (pair[0], pair[1]);
        Clients = new Dictionary<AppProcess, HttpClient> { [A] = Own(A.CreateClient()), [B] = Own(B.CreateClient()) };

        var started = clock.Elapsed;
        var president = await SignUpAsync(-1, A, ct);
        President = Own(A.CreateClient());
        President.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", president.Token);

        var students = new Student[StudentCount];
        try
        {
            await Parallel.ForAsync(0, StudentCount, new ParallelOptions { MaxDegreeOfParallelism = SetupParallelism, CancellationToken = ct },
                async (i, token) => students[i] = await SignUpAsync(i, InstanceFor(i), token));
        }
        catch (HttpRequestException error)
        {
            // An instance that stops answering mid-setup says why only in its own output.
            throw new InvalidOperationException($"Signing up the crowd failed: {error.Message}\n{RecentOutput}", error);
        }
        Students = students;
        SetupReport = $"setup: Redis and both instances up in {started.TotalSeconds:0.0} s, " +
            $"{StudentCount} students signed up with complete profiles in {(clock.Elapsed - started).TotalSeconds:0.0} s";
    }

    /// <summary>Even-numbered students go to A, odd ones to B.</summary>
    public AppProcess InstanceFor(int studentNumber) => studentNumber % 2 == 0 ? A : B;

    /// <summary>
    /// Starts two instances on the shared database and Redis; the caller disposes them unless they are A and B. Their pools are capped
    /// by <paramref name="poolSize"/> so that every instance fits in PostgreSQL's connections.
    /// </summary>
    public async Task<AppProcess[]> StartPairAsync(
        string environment, int poolSize, IReadOnlyDictionary<string, string> extraSettings, CancellationToken ct)
    {
        var settings = SharedSettings(poolSize);
        foreach (var (key, value) in extraSettings) settings[key] = value;
        // Started together, as replicas are: on a fresh database both migrate at once, which DatabaseMigrator serializes.
        var starts = new[] { "A", "B" }.Select(name => AppProcess.StartAsync($"{environment} {name}", settings, environment, ct)).ToArray();
        try
        {
            return await Task.WhenAll(starts);
        }
        catch
        {
            foreach (var start in starts.Where(start => start.IsCompletedSuccessfully)) await start.Result.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The shared database (its pool capped at <paramref name="poolSize"/>) and the private Redis. Waitlist offers and seat
    /// holds lapse in seconds and every instance sweeps them each second, so that a paid event's line runs through within
    /// a test: every instance on the database takes part in it, so all must agree.
    /// </summary>
    public Dictionary<string, string> SharedSettings(int poolSize) => new()
    {
        ["Database:Provider"] = "Postgres",
        ["Database:ConnectionString"] = new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = poolSize }.ConnectionString,
        ["Redis:Configuration"] = Redis.Configuration,
        ["Seats:SweepInterval"] = "00:00:01",
        ["Events:OfferHoldDuration"] = OfferHoldDuration,
        ["Events:OfferSweepInterval"] = "00:00:01",
    };

    public const string OfferHoldDuration = "00:00:03";

    /// <summary>A new free club of <paramref name="seatLimit"/> seats with recruitment open, created by the president on A.</summary>
    public async Task<OpenClub> OpenFreeClubAsync(int seatLimit, CancellationToken ct)
    {
        var clubId = await ApiStudents.CreateClubAsync(President, seatLimit);
        var groupId = (await (await President.GetAsync($"/v1/clubs/{clubId}/join", ct)).JsonAsync()).GetProperty("groupId").GetInt64();
        var opened = await President.PutAsJsonAsync($"/v1/groups/{groupId}", new { recruiting = true, seatLimit, amount = 0 }, ct);
        opened.EnsureSuccessStatusCode();
        return new OpenClub(clubId, groupId);
    }

    /// <summary>The group's guarded counter and the memberships admitted through it, read straight from PostgreSQL.</summary>
    public async Task<(int SeatsTaken, int Memberships)> SeatsInDatabaseAsync(long groupId, CancellationToken ct)
    {
        await using var connection = await ConnectAsync(ct);
        await using var query = new NpgsqlCommand(
            """
            SELECT g."SeatsTaken", (SELECT count(*) FROM "ClubMemberships" m WHERE m."JoinGroupId" = g."Id")::int
            FROM "SeatPools" g WHERE g."Id" = @groupId
            """, connection);
        query.Parameters.AddWithValue("groupId", groupId);
        await using var reader = await query.ExecuteReaderAsync(ct);
        Assert.True(await reader.ReadAsync(ct), $"Group {groupId} is not in the database.");
        return (reader.GetInt32(0), reader.GetInt32(1));
    }

    /// <summary>An open connection to the shared database, for reading what the instances wrote.</summary>
    public async Task<NpgsqlConnection> ConnectAsync(CancellationToken ct)
    {
        var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    public string RecentOutput => $"{A.RecentOutput}\n{B.RecentOutput}";

    public async ValueTask DisposeAsync()
    {
        foreach (var client in clients) client.Dispose();
        for (var i = owned.Count - 1; i >= 0; i--) await owned[i].DisposeAsync();
        await database.DisposeAsync();
    }

    private async Task<Student> SignUpAsync(int number, AppProcess instance, CancellationToken ct)
    {
        var client = Clients?.GetValueOrDefault(instance) ?? throw new InvalidOperationException("Instances not started.");
        var email = $"crowd{number}-{Guid.NewGuid():N}@test.kr";
        (await client.PostAsJsonAsync("/v1/auth/register", new { email, password = Password }, ct)).EnsureSuccessStatusCode();
        var login = await client.PostAsJsonAsync("/v1/auth/login", new { email, password = Password }, ct);
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("accessToken").GetString()!;
        using var profile = new HttpRequestMessage(HttpMethod.Put, "/v1/me/profile")
        {
            Content = JsonContent.Create(new { name = "김우학", school = "우학대학교", major = "경영학과", studentNumber = $"2026{number + 1000:0000}", phone = "01012345678" }),
        };
        profile.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await client.SendAsync(profile, ct)).EnsureSuccessStatusCode();
        return new Student(number, email, token, instance);
    }

    private HttpClient Own(HttpClient client)
    {
        clients.Add(client);
        return client;
    }
}
