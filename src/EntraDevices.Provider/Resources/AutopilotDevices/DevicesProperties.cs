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

    /// <summary>A device removed from the CSV stays registered in Autopilot (the default) …</summary>
    public const string Keep = "keep";

    /// <summary>… or is deleted from Autopilot, unless it is enrolled in Intune.</summary>
    public const string Delete = "delete";

    public static readonly string[] Inputs = [Csv, GroupTag, AssignedUser, WhenRemoved];

    public static readonly string[] ScalarInputs = [GroupTag, AssignedUser, WhenRemoved];

    /// <summary>The diff's path of one device: serial numbers hold hyphens and dots, so always the bracket form.</summary>
    public static string DevicePath(string serial) => $"{Devices}[\"{serial}\"]";

    public static string FailedPath(string serial) => $"{Failed}[\"{serial}\"]";
}
