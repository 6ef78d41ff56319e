using StackExchange.Redis;

namespace Woohakdong.Tests.Infrastructure;

public sealed class RedisServerTests
{
    [Fact]
    public async Task A_value_set_in_redis_is_read_back()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestServices.Redis);
        var database = redis.GetDatabase();
        var key = $"woohakdong-test:{Guid.NewGuid():N}";
        var value = Guid.NewGuid().ToString();

        await database.StringSetAsync(key, value, TimeSpan.FromMinutes(1));

        Assert.Equal(value, (string?)await database.StringGetAsync(key));
    }
}
