using System.Globalization;
using Woohakdong.Core.Common;

namespace Woohakdong.Core.Membership;

public enum Semester
{
    Spring = 1,
    Fall = 2,
}

/// <summary>
/// A semester term: spring from 03-01, fall from 09-01; January and February still belong to the
/// previous year's fall term. Stored as its <see cref="Key"/> ("2026-1", "2026-2"), which sorts in time order.
/// </summary>
public readonly record struct Term(int Year, Semester Semester) : IComparable<Term>
{
    public static Term Of(DateOnly date) => date.Month switch
    {
        <= 2 => new Term(date.Year - 1, Semester.Fall),
        <= 8 => new Term(date.Year, Semester.Spring),
        _ => new Term(date.Year, Semester.Fall),
    };

    public static Term Current(TimeProvider time) => Of(time.Today());

    public string Key => $"{Year}-{(int)Semester}";

    public DateOnly StartsOn => new(Year, Semester == Semester.Spring ? 3 : 9, 1);

    public Term Previous => Semester == Semester.Spring ? new Term(Year - 1, Semester.Fall) : new Term(Year, Semester.Spring);

    public static Term Parse(string key)
    {
        if (TryParse(key, out var term)) return term;
        throw AppException.Validation(ErrorCodes.InvalidInput, "term");
    }

    public static bool TryParse(string? key, out Term term)
    {
        term = default;
        // Four plain digits: int.TryParse alone would also take "-202", "+202" and " 202" as a year.
        if (key is not { Length: 6 } || key[4] != '-'
            || !int.TryParse(key.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1) return false;
        if (key[5] is not ('1' or '2')) return false;
        term = new Term(year, (Semester)(key[5] - '0'));
        return true;
    }

    public int CompareTo(Term other) => string.CompareOrdinal(Key, other.Key);

    public override string ToString() => Key;
}
