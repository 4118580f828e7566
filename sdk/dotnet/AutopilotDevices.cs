using System.Collections.Immutable;
using Pulumi;

namespace Pulumi.EntraDevices;

/// <summary>
/// A set of Windows Autopilot devices imported from the OEM's CSV, managed by the <c>entradevices</c> provider plugin
/// (Graph v1.0 <c>importedWindowsAutopilotDeviceIdentities/import</c>). State keeps per serial number the device's id
/// and a digest of its row, never a hardware hash. Import existing devices with <c>serials:SN1,SN2</c> or <c>groupTag:Tag</c>.
/// </summary>
[ResourceType(TypeToken, null)]
public sealed class AutopilotDevices : CustomResource
{
    public const string TypeToken = "entradevices:index:AutopilotDevices";

    [Output("groupTag")]
    public Output<string?> GroupTag { get; private set; } = null!;

    [Output("assignedUser")]
    public Output<string?> AssignedUser { get; private set; } = null!;

    [Output("whenRemoved")]
    public Output<string> WhenRemoved { get; private set; } = null!;

    /// <summary>Per serial number: <c>deviceId|digest|user|groupTag</c>.</summary>
    [Output("devices")]
    public Output<ImmutableDictionary<string, string>> Devices { get; private set; } = null!;

    /// <summary>Per serial number, why its import failed; the next <c>pulumi up</c> retries these.</summary>
    [Output("failed")]
    public Output<ImmutableDictionary<string, string>> Failed { get; private set; } = null!;

    [Output("deviceCount")]
    public Output<int> DeviceCount { get; private set; } = null!;

    /// <summary>Per import id, how many of its finished import records are still in Intune; later runs delete them.</summary>
    [Output("leftImportRecords")]
    public Output<ImmutableDictionary<string, int>> LeftImportRecords { get; private set; } = null!;

    public AutopilotDevices(string name, AutopilotDevicesArgs args, CustomResourceOptions? options = null)
        : base(TypeToken, name, args, options)
    {
    }
}
