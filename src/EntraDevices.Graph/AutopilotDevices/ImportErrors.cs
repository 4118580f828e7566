namespace EntraDevices.Graph.AutopilotDevices;

/// <summary>The per-device import errors users meet (graph-autopilot-journey.md §2), each with what to do.</summary>
public static class ImportErrors
{
    public static string Explain(string? name, int code, string status)
    {
        var what = name switch
        {
            "ZtdDeviceAlreadyAssigned" => "it is already registered in this tenant (by hand, or by another stack): bring it into a stack with "
                + "`pulumi import` by serial number (a stack that already holds its devices imports them again: `pulumi state delete --force` "
                + "their URN, then `pulumi import` with `all`; README, \"Bringing an existing tenant under code\"), or delete it from Autopilot, then run "
                + "`pulumi up` again",
            "ZtdDeviceAssignedToOtherTenant" => "it is registered to another tenant: that tenant must deregister it (or the reseller release it) first",
            "ZtdDeviceDuplicated" => "the import named it twice: check the CSV for the serial number in another spelling",
            "InvalidZtdHardwareHash" => "its hardware hash is not valid: export it again with Get-WindowsAutopilotInfo",
            "StorageError" => "Autopilot could not store it (a service-side error): run `pulumi up` again to retry it",
            null or "" => $"the import ended '{status}' without an error name",
            _ => "see Microsoft's list of Autopilot import errors",
        };
        var label = string.IsNullOrEmpty(name) ? status : code != 0 ? $"{name} ({code})" : name;
        return $"{label}: {what}";
    }
}
