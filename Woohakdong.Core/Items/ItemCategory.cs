using System.Text.Json.Serialization;

namespace Woohakdong.Core.Items;

/// <summary>What kind of thing a club lends. Serialized as BOOK, SPORT, DIGITAL, CLOTHES, STATIONERY, ETC.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ItemCategory>))]
public enum ItemCategory
{
    [JsonStringEnumMemberName("BOOK")] Book = 0,
    [JsonStringEnumMemberName("SPORT")] Sport = 1,
    [JsonStringEnumMemberName("DIGITAL")] Digital = 2,
    [JsonStringEnumMemberName("CLOTHES")] Clothes = 3,
    [JsonStringEnumMemberName("STATIONERY")] Stationery = 4,
    [JsonStringEnumMemberName("ETC")] Etc = 5,
}

/// <summary>
/// Where an item is. A loan outranks the repair flag: an item marked unavailable while lent out shows ON_LOAN (or
/// OVERDUE) until it comes back, so officers never lose sight of who holds it.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ItemStatus>))]
public enum ItemStatus
{
    [JsonStringEnumMemberName("AVAILABLE")] Available = 0,
    [JsonStringEnumMemberName("ON_LOAN")] OnLoan = 1,
    [JsonStringEnumMemberName("OVERDUE")] Overdue = 2,
    [JsonStringEnumMemberName("UNAVAILABLE")] Unavailable = 3,
}
