using Platform.BuildingBlocks.Domain;

namespace Platform.BuildingBlocks.Api;

/// <summary>One page of a list, with the total so a client can show "page 2 of 7".</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount)
{
    public int TotalPages => PageSize == 0 ? 0 : (TotalCount + PageSize - 1) / PageSize;
}

public static class Paging
{
    public const int MaxPageSize = 200;

    /// <summary>Far beyond any real list; keeps (page - 1) * size inside an int.</summary>
    public const int MaxPage = 1_000_000;

    /// <summary>Validates the query's page and size; defaults are page 1 of 20.</summary>
    public static Result<(int Page, int Size)> Validate(int? page, int? pageSize)
    {
        var p = page ?? 1;
        var s = pageSize ?? 20;
        if (p is < 1 or > MaxPage)
        {
            return DomainError.Invalid("page", "invalid-page", $"page must be between 1 and {MaxPage}.");
        }

        if (s is < 1 or > MaxPageSize)
        {
            return DomainError.Invalid("pageSize", "invalid-page-size", $"pageSize must be between 1 and {MaxPageSize}.");
        }

        return (p, s);
    }

    /// <summary>One page of a list already in memory (filters the database cannot run).</summary>
    public static Page<TResponse> ToPage<TEntity, TResponse>(this IReadOnlyList<TEntity> all, (int Page, int Size) paging, Func<TEntity, TResponse> map)
    {
        var (number, size) = paging;
        return new Page<TResponse>([.. all.Skip((number - 1) * size).Take(size).Select(map)], number, size, all.Count);
    }
}
