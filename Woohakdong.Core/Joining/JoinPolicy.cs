using System.Text.Json.Serialization;

namespace Woohakdong.Core.Joining;

/// <summary>How a group fills its seats: the first who click (the seed's behaviour), or officers approving applications.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<JoinPolicy>))]
public enum JoinPolicy
{
    [JsonStringEnumMemberName("FIRST_COME")] FirstCome,
    [JsonStringEnumMemberName("APPLICATION")] Application,
}
