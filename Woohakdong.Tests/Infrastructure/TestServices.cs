namespace Woohakdong.Tests.Infrastructure;

/// <summary>
/// Where the real services started by test.sh listen. test.sh exports these; the defaults match it, so a test
/// run from an IDE after <c>./test.sh --services-only</c> finds them too. A missing service fails the test.
/// </summary>
public static class TestServices
{
    public static string PostgresAdmin =>
        Environment.GetEnvironmentVariable("WOOHAKDONG_TEST_POSTGRES")
        ?? "Host=127.0.0.1;Port=5432;Username=woohakdong_test;Password=woohakdong_test;Database=postgres";

    public static string Redis => Environment.GetEnvironmentVariable("WOOHAKDONG_TEST_REDIS") ?? "127.0.0.1:6391";

    public static string S3ServiceUrl => Environment.GetEnvironmentVariable("WOOHAKDONG_TEST_S3") ?? "http://127.0.0.1:4571";

    /// <summary>The SMTP server (maildev) as host:port, and its REST API that shows what arrived.</summary>
    public static string Smtp => Environment.GetEnvironmentVariable("WOOHAKDONG_TEST_SMTP") ?? "127.0.0.1:4581";

    public static string MailApi => Environment.GetEnvironmentVariable("WOOHAKDONG_TEST_MAIL_API") ?? "http://127.0.0.1:4582";

    public static string MailServerPackage => Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "MailServer");

    public static string ChromiumPath => Environment.GetEnvironmentVariable("WOOHAKDONG_TEST_CHROMIUM") ?? "/usr/bin/chromium";
}
