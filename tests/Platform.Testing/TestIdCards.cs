namespace Platform.Testing;

public static class TestIdCards
{
    /// <summary>Completes 17 digits with their GB 11643 check character: a well-formed, synthetic ID-card number.</summary>
    public static string Complete(string first17)
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = first17.Select((c, i) => (c - '0') * weights[i]).Sum();
        return first17 + "10X98765432"[sum % 11];
    }
}
