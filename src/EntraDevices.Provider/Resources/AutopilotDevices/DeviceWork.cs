namespace EntraDevices.Provider.Resources.AutopilotDevices;

/// <summary>
/// The ledger of one apply as it goes: each step records only what it saw happen, so whatever stops the apply, the
/// state written is the truth: devices in, devices that failed (and why), what is left to do, and whether anything is unknown.
/// </summary>
internal sealed class DeviceWork(DeviceLedger before)
{
    private readonly Dictionary<string, RecordedDevice> _devices = before.Devices.ToDictionary(d => d.SerialNumber, StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _failed = new(before.Failed, StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _leftImportRecords = new(before.LeftImportRecords, StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _problems = [];
    private readonly List<string> _unknown = [];

    public IReadOnlyDictionary<string, RecordedDevice> Devices => _devices;

    public IReadOnlyDictionary<string, string> Failed => _failed;

    /// <summary>Finished import records left in Intune for later runs to delete, by import id.</summary>
    public IReadOnlyDictionary<string, int> LeftImportRecords => _leftImportRecords;

    /// <summary>What went wrong beyond single devices (a refused import, an enrolled device not deleted), in sentences.</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>What could not be known (a lost answer with no way to read back), in sentences.</summary>
    public IReadOnlyList<string> Unknowns => _unknown;

    /// <summary>Devices registered by this apply's imports.</summary>
    public int Imported { get; set; }

    /// <summary>Devices whose group tag or user this apply changed, or that it deleted.</summary>
    public int Changed { get; set; }

    public void Record(RecordedDevice device)
    {
        _devices[device.SerialNumber] = device;
        _failed.Remove(device.SerialNumber);
    }

    public void Forget(string serial) => _devices.Remove(serial);

    /// <summary>A device is not in the tenant as declared; the next run retries it.</summary>
    public void DeviceFailed(string serial, string reason)
    {
        _devices.Remove(serial);
        _failed[serial] = reason;
    }

    /// <summary>A device the CSV no longer holds: its old failure is no longer news.</summary>
    public void ForgetFailure(string serial) => _failed.Remove(serial);

    /// <summary>How many finished records of an import are left in Intune now (none: it is forgotten).</summary>
    public void LeaveImportRecords(string importId, int count)
    {
        if (count > 0)
        {
            _leftImportRecords[importId] = count;
        }
        else
        {
            _leftImportRecords.Remove(importId);
        }
    }

    public void Fail(string problem) => _problems.Add(problem);

    public void Unknown(string problem) => _unknown.Add(problem);

    public DeviceLedger Ledger => new([.. _devices.Values], _failed) { LeftImportRecords = _leftImportRecords };
}
