namespace EntraDevices.GraphEmulator;

/// <summary>Injected faults in the order they were queued; each request consumes at most one.</summary>
internal sealed class FaultQueue
{
    private readonly Lock _gate = new();
    private readonly List<(Fault Fault, int Skip, int Remaining)> _faults = [];

    public void Add(Fault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(fault.Times, 1, nameof(fault));
        ArgumentOutOfRangeException.ThrowIfNegative(fault.Skip, nameof(fault));
        lock (_gate)
        {
            _faults.Add((fault, fault.Skip, fault.Times));
        }
    }

    /// <summary>Drops every fault not yet used up.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    public Fault? Take(string method, string path)
    {
        lock (_gate)
        {
            for (var index = 0; index < _faults.Count; index++)
            {
                var (fault, skip, remaining) = _faults[index];
                if (!fault.Matches(method, path))
                {
                    continue;
                }

                if (skip > 0)
                {
                    _faults[index] = (fault, skip - 1, remaining);
                    continue;
                }

                if (remaining == 1)
                {
                    _faults.RemoveAt(index);
                }
                else
                {
                    _faults[index] = (fault, 0, remaining - 1);
                }

                return fault;
            }

            return null;
        }
    }
}
