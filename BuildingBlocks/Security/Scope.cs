using System.Linq.Expressions;

namespace Platform.BuildingBlocks.Security;

/// <summary>
/// Where a kind of record sits in the scopes a caller can hold: declared once per record type (which property
/// names its community, grid, unit, department, person or owning account). A caller covers a record when any
/// of their scope claims matches; the subdistrict admin covers everything. Filters lists in the database
/// (<see cref="ScopeQueries.VisibleTo{T}"/>) and checks single records in memory (<see cref="Covers"/>).
/// </summary>
public sealed class Scope<T>
{
    private Func<T, Guid?>? community,
        alsoCommunity,
        grid,
        unit,
        person;
    private Func<T, string?>? department,
        owner;

    /// <summary>Roles that see every record of this kind, whatever their scope (staff see every member unit).</summary>
    public IReadOnlyList<string> SeenWholeBy { get; init; } = [];

    public Expression<Func<T, Guid?>>? Community { get; init; }

    /// <summary>A second community the record also belongs to (an in-service member's, where they registered).</summary>
    public Expression<Func<T, Guid?>>? AlsoCommunity { get; init; }

    public Expression<Func<T, Guid?>>? Grid { get; init; }

    public Expression<Func<T, Guid?>>? Unit { get; init; }

    public Expression<Func<T, string?>>? Department { get; init; }

    /// <summary>The person the record is about or belongs to: a caller sees their own.</summary>
    public Expression<Func<T, Guid?>>? Person { get; init; }

    /// <summary>The account that made the record (a resident's own report): its subject.</summary>
    public Expression<Func<T, string?>>? Owner { get; init; }

    /// <summary>Whether the caller sees every record of this kind.</summary>
    public bool SeesAll(Caller caller) => caller.SeesWholeSubdistrict || SeenWholeBy.Any(caller.Roles.Contains);

    public bool Covers(Caller caller, T item)
    {
        if (SeesAll(caller))
        {
            return true;
        }

        return Matches(Community, ref community, item, caller.Communities)
            || Matches(AlsoCommunity, ref alsoCommunity, item, caller.Communities)
            || Matches(Grid, ref grid, item, caller.Grids)
            || Matches(Unit, ref unit, item, caller.Units)
            || Person is not null && caller.PersonId is { } me && (person ??= Person.Compile())(item) == me
            || Department is not null && (department ??= Department.Compile())(item) is { } d && caller.Departments.Contains(d)
            || Owner is not null && caller.Subject.Length > 0 && (owner ??= Owner.Compile())(item) == caller.Subject;
    }

    /// <summary>The filter a query of these records gets for <paramref name="caller"/>.</summary>
    public Expression<Func<T, bool>> Filter(Caller caller)
    {
        if (SeesAll(caller))
        {
            return _ => true;
        }

        var parameter = Expression.Parameter(typeof(T), "record");
        var tests = new List<Expression>();
        AddIn(tests, Community, parameter, caller.Communities.Select(id => (Guid?)id).ToList());
        AddIn(tests, AlsoCommunity, parameter, caller.Communities.Select(id => (Guid?)id).ToList());
        AddIn(tests, Grid, parameter, caller.Grids.Select(id => (Guid?)id).ToList());
        AddIn(tests, Unit, parameter, caller.Units.Select(id => (Guid?)id).ToList());
        AddIn(tests, Department, parameter, caller.Departments.Select(d => (string?)d).ToList());
        if (caller.PersonId is { } me)
        {
            AddIn(tests, Person, parameter, [me]);
        }

        if (caller.Subject.Length > 0)
        {
            AddIn(tests, Owner, parameter, [caller.Subject]);
        }

        var body = tests.Count == 0 ? Expression.Constant(false) : tests.Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<T, bool>>(body, parameter);
    }

    private static bool Matches(Expression<Func<T, Guid?>>? selector, ref Func<T, Guid?>? compiled, T item, IReadOnlySet<Guid> ids) =>
        selector is not null && ids.Count > 0 && (compiled ??= selector.Compile())(item) is { } id && ids.Contains(id);

    private static void AddIn<TValue>(List<Expression> tests, Expression<Func<T, TValue>>? selector, ParameterExpression parameter, List<TValue> values)
    {
        if (selector is null || values.Count == 0)
        {
            return;
        }

        // The values sit behind a member access, so the database provider sends them as one parameter and
        // caches one query plan for every caller, instead of one per set of ids.
        var holder = Expression.Property(Expression.Constant(new Values<TValue>(values)), nameof(Values<TValue>.Items));
        var value = new ReplaceParameter(selector.Parameters[0], parameter).Visit(selector.Body);
        tests.Add(Expression.Call(holder, typeof(List<TValue>).GetMethod(nameof(List<TValue>.Contains))!, value));
    }

    private sealed record Values<TValue>(List<TValue> Items);

    private sealed class ReplaceParameter(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}

public static class ScopeQueries
{
    /// <summary>The records of <paramref name="query"/> the caller may see: one line in every list endpoint.</summary>
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> query, Caller caller, Scope<T> scope) =>
        scope.SeesAll(caller) ? query : query.Where(scope.Filter(caller));
}
