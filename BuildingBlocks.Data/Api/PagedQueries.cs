using Microsoft.EntityFrameworkCore;

namespace Platform.BuildingBlocks.Api;

/// <summary>A page of a database query: <see cref="Paging"/> validates the page, this reads it.</summary>
public static class PagedQueries
{
    /// <summary>Counts the query and reads one page of it, mapped to the response type.</summary>
    public static async Task<Page<TResponse>> ToPageAsync<TEntity, TResponse>(
        this IQueryable<TEntity> query,
        (int Page, int Size) paging,
        Func<TEntity, TResponse> map,
        CancellationToken ct
    )
    {
        var (number, size) = paging;
        var total = await query.CountAsync(ct);
        var items = await query.Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return new Page<TResponse>([.. items.Select(map)], number, size, total);
    }
}
