namespace EntraDevices.Provider.Hosting;

/// <summary>
/// The plugin's own gen0 budget (issue #24, 14). The runtime sizes gen0 from the CPU's cache: tens of megabytes on a
/// modern machine, so a plugin serving hundreds of operations grew its resident memory by ~0.3 MB per operation until
/// its first collection, ~60 MB later, with under 2 MB of it alive (bench/update-cycles.mjs; a heap dump shows nothing
/// kept per operation). The only knob for it, GCgen0size, is an environment variable the engine does not set, so after
/// each operation that allocated more than <see cref="Budget"/> since the last collection, gen0 is collected: cheap,
/// with so little alive, and it keeps the same pages in use.
/// </summary>
internal static class AllocationBudget
{
    public const long Budget = 8 * 1024 * 1024;

    private static long _collectedAt;

    public static void AfterOperation()
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        var last = Interlocked.Read(ref _collectedAt);
        if (allocated - last > Budget && Interlocked.CompareExchange(ref _collectedAt, allocated, last) == last)
        {
            GC.Collect(0, GCCollectionMode.Forced, blocking: true);
        }
    }
}
