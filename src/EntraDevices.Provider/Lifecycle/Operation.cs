namespace EntraDevices.Provider.Lifecycle;

/// <summary>
/// One running operation: its token (the engine's timeout, Cancel and the call itself) and a way to tell the
/// person watching how far it is (the engine's ephemeral status messages).
/// </summary>
public sealed class Operation(CancellationToken token, Func<string, Task>? status = null)
{
    /// <summary>For preview and pure steps: nothing to cancel, nobody to tell.</summary>
    public static readonly Operation None = new(CancellationToken.None);

    public CancellationToken Token { get; } = token;

    public Task StatusAsync(string message) => status?.Invoke(message) ?? Task.CompletedTask;
}
