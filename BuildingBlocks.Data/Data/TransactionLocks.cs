using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Platform.BuildingBlocks.Data;

/// <summary>
/// A lock on a name, held to the end of the current transaction (a Postgres advisory lock on the name's hash): for
/// "create it unless it exists" where the row to lock does not exist yet. Two consumers taking in events about one new
/// record take turns, so the second finds what the first stored instead of colliding with it on a unique key.
/// </summary>
public static class TransactionLocks
{
    public static async Task LockUntilCommitAsync(this DatabaseFacade database, string name, CancellationToken cancellationToken)
    {
        if (database.CurrentTransaction is null)
        {
            throw new InvalidOperationException($"Locking '{name}' outside a transaction would release it at once.");
        }

        await database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({name}, 0))", cancellationToken);
    }
}
