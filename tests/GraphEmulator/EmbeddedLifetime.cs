namespace EntraDevices.GraphEmulator;

/// <summary>
/// Replaces the console lifetime so an emulator hosted inside a test process never takes over its
/// Ctrl+C or SIGTERM; the stand-alone program handles signals itself.
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
