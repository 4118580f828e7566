namespace EntraDevices.Provider.Lifecycle;

/// <summary>
/// One running operation: its token (the engine's timeout, Cancel and the call itself) and a way to tell the
/// person watching how far it is (the engine's ephemeral status messages) and what they should know afterwards.
/// </summary>
public sealed class Operation(CancellationToken token, Func<string, Task>? status = null, Func<string, Task>? note = null)
{
    /// <summary>For preview and pure steps: nothing to cancel, nobody to tell.</summary>
    public static readonly Operation None = new(CancellationToken.None);

    public CancellationToken Token { get; } = token;

    public Task StatusAsync(string message) => status?.Invoke(message) ?? Task.CompletedTask;

    /// <summary>A line kept in the output (not ephemeral): what a sync answered, what was left in place.</summary>
    public Task NoteAsync(string message) => note?.Invoke(message) ?? Task.CompletedTask;
}
