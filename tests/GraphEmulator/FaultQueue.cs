namespace EntraDevices.GraphEmulator;

/// <summary>Injected faults in the order they were queued; each request consumes at most one.</summary>
internal sealed class FaultQueue
{
    private readonly Lock _gate = new();
    private readonly List<(Fault Fault, int Remaining)> _faults = [];

    public void Add(Fault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(fault.Times, 1, nameof(fault));
        lock (_gate)
        {
            _faults.Add((fault, fault.Times));
        }
    }

    public Fault? Take(string method, string path)
    {
        lock (_gate)
        {
            var index = _faults.FindIndex(entry => entry.Fault.Matches(method, path));
            if (index < 0)
            {
                return null;
            }

            var (fault, remaining) = _faults[index];
            if (remaining == 1)
            {
                _faults.RemoveAt(index);
            }
            else
            {
                _faults[index] = (fault, remaining - 1);
            }

            return fault;
        }
    }
}
