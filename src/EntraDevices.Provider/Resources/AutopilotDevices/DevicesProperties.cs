using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Resources.AutopilotDevices;

/// <summary>The names of AutopilotDevices' inputs and outputs, in the user's words.</summary>
internal static class DevicesProperties
{
    public const string Token = "entradevices:index:AutopilotDevices";
    public const string Csv = "csv";
    public const string GroupTag = "groupTag";
    public const string AssignedUser = "assignedUser";
    public const string WhenRemoved = "whenRemoved";
    public const string Devices = "devices";
    public const string Failed = "failed";
    public const string DeviceCount = "deviceCount";
    public const string LeftImportRecords = "leftImportRecords";

    /// <summary>A device removed from the CSV stays registered in Autopilot (the default) …</summary>
    public const string Keep = "keep";

    /// <summary>… or is deleted from Autopilot, unless it is enrolled in Intune.</summary>
    public const string Delete = "delete";

    public static readonly string[] Inputs = [Csv, GroupTag, AssignedUser, WhenRemoved];

    public static readonly string[] ScalarInputs = [GroupTag, AssignedUser, WhenRemoved];

    /// <summary>A string input or output as given, or null when it is absent or not a string.</summary>
    public static string? Text(ObjectValue values, string name) => values.At(name)?.Plain is StringValue { Value: var text } ? text : null;

    /// <summary>What becomes of a device removed from the CSV: <c>whenRemoved</c> as given, <see cref="Keep"/> when absent.</summary>
    public static string WhenRemovedOf(ObjectValue values) => Text(values, WhenRemoved) ?? Keep;

    /// <summary>The diff's path of one device: serial numbers hold hyphens and dots, so always the bracket form.</summary>
    public static string DevicePath(string serial) => $"{Devices}[\"{serial}\"]";

    public static string FailedPath(string serial) => $"{Failed}[\"{serial}\"]";
}
