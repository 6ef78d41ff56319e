using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Woohakdong.Core.Common;

namespace Woohakdong.Core.Data;

/// <summary>
/// The one place audit columns are written, so no service can forget or fake them. One for all contexts: the actor is
/// the user of the scope that handed the context out (<see cref="AppDbContext.Actor"/>), or the user a
/// batch attributed an added entity to (<see cref="AppDbContext.AttributeAddedTo"/>).
/// </summary>
public sealed class AuditInterceptor(TimeProvider time) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Stamp(DbContext? context)
    {
        if (context is null) return;
        var now = time.GetUtcNow();
        var app = context as AppDbContext;
        foreach (var entry in context.ChangeTracker.Entries<IAuditable>())
        {
            var actor = app?.ActorOf(entry.Entity);
            if (entry.State == EntityState.Added)
            {
                entry.Entity.CreatedAt = now;
                entry.Entity.CreatedBy = actor;
            }
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Entity.UpdatedAt = now;
                entry.Entity.UpdatedBy = actor;
            }
        }
    }
}
