using System.Text.Json.Serialization;

namespace Woohakdong.Core.Membership;

/// <summary>Ordered by authority: a larger value outranks a smaller one. Serialized as PRESIDENT, VICE_PRESIDENT, ….</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ClubRole>))]
public enum ClubRole
{
    [JsonStringEnumMemberName("MEMBER")] Member = 0,
    [JsonStringEnumMemberName("OFFICER")] Officer = 1,
    [JsonStringEnumMemberName("SECRETARY")] Secretary = 2,
    [JsonStringEnumMemberName("VICE_PRESIDENT")] VicePresident = 3,
    [JsonStringEnumMemberName("PRESIDENT")] President = 4,
}
