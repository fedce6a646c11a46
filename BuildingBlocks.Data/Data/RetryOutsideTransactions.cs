using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace Platform.BuildingBlocks.Data;

/// <summary>
/// Npgsql's retrying strategy where a retry is safe: a query or a save that is its own transaction is tried again
/// after a transient failure (a dropped connection, Postgres restarting). Inside a transaction the service opened
/// (the outbox relay's lease, an idempotent request's record, a timer's round) an operation runs once: retrying one
/// statement of a broken transaction cannot help, and the caller's own retry (or the client's, with its
/// Idempotency-Key) starts it over. A retrying strategy would otherwise refuse those transactions outright.
/// </summary>
internal sealed class RetryOutsideTransactions(ExecutionStrategyDependencies dependencies)
    : NpgsqlRetryingExecutionStrategy(dependencies, maxRetryCount: 3, maxRetryDelay: TimeSpan.FromSeconds(2), errorCodesToAdd: null)
{
    private readonly ExecutionStrategyDependencies dependencies = dependencies;

    private bool InTransaction => dependencies.CurrentContext.Context.Database.CurrentTransaction is not null;

    public override TResult Execute<TState, TResult>(
        TState state,
        Func<DbContext, TState, TResult> operation,
        Func<DbContext, TState, ExecutionResult<TResult>>? verifySucceeded
    ) => InTransaction ? operation(dependencies.CurrentContext.Context, state) : base.Execute(state, operation, verifySucceeded);

    public override Task<TResult> ExecuteAsync<TState, TResult>(
        TState state,
        Func<DbContext, TState, CancellationToken, Task<TResult>> operation,
        Func<DbContext, TState, CancellationToken, Task<ExecutionResult<TResult>>>? verifySucceeded,
        CancellationToken cancellationToken = default
    ) =>
        InTransaction
            ? operation(dependencies.CurrentContext.Context, state, cancellationToken)
            : base.ExecuteAsync(state, operation, verifySucceeded, cancellationToken);
}
