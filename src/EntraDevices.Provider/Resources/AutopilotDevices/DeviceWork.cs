using EntraDevices.Provider.Lifecycle.Sets;

namespace EntraDevices.Provider.Resources.AutopilotDevices;

/// <summary>
/// The set lifecycle's ledger of one apply, in the words of Autopilot devices: each step records only what it saw
/// happen (devices in, devices that failed and why, import records left for later runs), so whatever stops the apply,
/// the state written is the truth.
/// </summary>
internal static class DeviceWork
{
    extension(SetWork<RecordedDevice> work)
    {
        public IReadOnlyDictionary<string, RecordedDevice> Devices => work.Items;

        /// <summary>Finished import records left in Intune for later runs to delete, by import id.</summary>
        public IReadOnlyDictionary<string, int> LeftImportRecords => work.Tallies;

        /// <summary>Devices registered by this apply's imports.</summary>
        public int Imported
        {
            get => work.Added;
            set => work.Added = value;
        }

        public void Record(RecordedDevice device) => work.Record(device.SerialNumber, device);

        /// <summary>A device is not in the tenant as declared; the next run retries it.</summary>
        public void DeviceFailed(string serial, string reason) => work.ItemFailed(serial, reason);

        /// <summary>How many finished records of an import are left in Intune now (none: it is forgotten).</summary>
        public void LeaveImportRecords(string importId, int count) => work.Tally(importId, count);
    }
}
