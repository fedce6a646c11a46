namespace Platform.Testing;

/// <summary>Waits for a condition that becomes true asynchronously (an event crossing the broker), never for a fixed time.</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null)
        where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }

            await Task.Delay(100);
        }
    }

    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        await GetAsync<object>(async () => await condition() ? new object() : null, what, timeout);
}
