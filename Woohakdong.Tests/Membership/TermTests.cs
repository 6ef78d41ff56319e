using Woohakdong.Core.Common;
using Woohakdong.Core.Membership;

namespace Woohakdong.Tests.Membership;

public sealed class TermTests
{
    [Theory]
    [InlineData("2026-01-01", "2025-2")]
    [InlineData("2026-02-28", "2025-2")]
    [InlineData("2028-02-29", "2027-2")]
    [InlineData("2026-03-01", "2026-1")]
    [InlineData("2026-08-31", "2026-1")]
    [InlineData("2026-09-01", "2026-2")]
    [InlineData("2026-12-31", "2026-2")]
    public void A_date_belongs_to_the_term_that_started_last(string date, string expectedKey)
    {
        Assert.Equal(expectedKey, Term.Of(DateOnly.Parse(date)).Key);
    }

    [Theory]
    [InlineData("2026-08-31T14:59:59Z", "2026-1")]
    [InlineData("2026-08-31T15:00:00Z", "2026-2")]
    [InlineData("2026-02-28T15:00:00Z", "2026-1")]
    public void The_current_term_turns_at_midnight_in_korea_not_in_utc(string utcNow, string expectedKey)
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.Parse(utcNow));

        Assert.Equal(expectedKey, Term.Current(time).Key);
    }

    [Theory]
    [InlineData("2026-1", "2025-2")]
    [InlineData("2026-2", "2026-1")]
    public void Previous_steps_back_one_semester_across_the_year(string key, string previousKey)
    {
        Assert.Equal(previousKey, Term.Parse(key).Previous.Key);
    }

    [Theory]
    [InlineData("2026-1", 2026, 3, 1)]
    [InlineData("2026-2", 2026, 9, 1)]
    public void A_term_starts_on_march_or_september_first(string key, int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), Term.Parse(key).StartsOn);
    }

    [Fact]
    public void Keys_sort_in_time_order()
    {
        string[] keys = ["2026-1", "2025-2", "2026-2", "2025-1"];

        Assert.Equal(["2025-1", "2025-2", "2026-1", "2026-2"], keys.Select(Term.Parse).Order().Select(t => t.Key));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026")]
    [InlineData("2026-3")]
    [InlineData("2026-0")]
    [InlineData("2026_1")]
    [InlineData("2026-12")]
    [InlineData("20261")]
    [InlineData("abcd-1")]
    [InlineData("-202-1")]
    [InlineData("+202-1")]
    [InlineData(" 202-1")]
    [InlineData("0000-1")]
    public void Malformed_keys_are_refused(string? key)
    {
        Assert.False(Term.TryParse(key, out _));
        var error = Assert.Throws<AppException>(() => Term.Parse(key!));
        Assert.Equal(ErrorKind.Validation, error.Kind);
        Assert.Equal(ErrorCodes.InvalidInput, error.Code);
    }

    [Fact]
    public void A_parsed_key_round_trips()
    {
        Assert.True(Term.TryParse("2026-2", out var term));
        Assert.Equal(new Term(2026, Semester.Fall), term);
        Assert.Equal("2026-2", term.ToString());
    }
}
