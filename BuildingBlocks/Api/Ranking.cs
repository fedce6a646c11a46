namespace Platform.BuildingBlocks.Api;

/// <summary>Competition ranking (1, 2, 2, 4): rows already ordered best first; equal scores share the rank of the first of them.</summary>
public static class Ranking
{
    public static int[] Competition<T, TScore>(IReadOnlyList<T> ordered, Func<T, TScore> score)
        where TScore : IEquatable<TScore>
    {
        var ranks = new int[ordered.Count];
        for (var i = 0; i < ordered.Count; i++)
        {
            ranks[i] = i > 0 && score(ordered[i]).Equals(score(ordered[i - 1])) ? ranks[i - 1] : i + 1;
        }

        return ranks;
    }
}
