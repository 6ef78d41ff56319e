using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;

namespace Woohakdong.Web.Hosting;

/// <summary>
/// Reads users' security stamps for <see cref="BearerSecurityStamps"/> in batches. A flash crowd's first requests arrive
/// together, each with a token this instance has not read yet, and one query per token was most of what a FULL answer
/// cost them (flash crowd run 9 in docs/benchmarks.md): the stamps asked for while a read is running are read together in
/// the next one (<see cref="DrainQueue{T}"/>). Null for a user who no longer exists.
/// </summary>
public sealed class SecurityStampReader
{
    /// <summary>Bounds one query's <c>IN</c> list.</summary>
    public const int MaxBatch = 500;

    private readonly IServiceScopeFactory scopes;
    private readonly ILogger<SecurityStampReader> logger;
    private readonly DrainQueue<(Guid UserId, TaskCompletionSource<string?> Stamp)> asked;

    public SecurityStampReader(IServiceScopeFactory scopes, ILogger<SecurityStampReader> logger)
    {
        (this.scopes, this.logger) = (scopes, logger);
        asked = new(ReadBatchAsync);
    }

    public Task<string?> StampOfAsync(Guid userId)
    {
        var stamp = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        asked.Enqueue((userId, stamp));
        return stamp.Task;
    }

    private async Task ReadBatchAsync(DrainQueue<(Guid UserId, TaskCompletionSource<string?> Stamp)> queue)
    {
        var batch = queue.Take(MaxBatch);
        try
        {
            var stamps = await ReadAsync([.. batch.Select(b => b.UserId).Distinct()]);
            foreach (var (userId, stamp) in batch) stamp.TrySetResult(stamps.GetValueOrDefault(userId));
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "Reading {Count} security stamps failed", batch.Count);
            foreach (var (_, stamp) in batch) stamp.TrySetException(error);
        }
    }

    private async Task<Dictionary<Guid, string?>> ReadAsync(IReadOnlyList<Guid> userIds)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Users.Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.SecurityStamp })
            .ToDictionaryAsync(u => u.Id, u => u.SecurityStamp);
    }
}
