using System.Text.Json.Nodes;
using static EntraDevices.Provider.Resources.AutopilotDevices.DevicesProperties;
using static EntraDevices.Provider.Resources.SchemaBuilder;

namespace EntraDevices.Provider.Resources.AutopilotDevices;

/// <summary>AutopilotDevices' entry of the package schema.</summary>
internal static class DevicesSchema
{
    public static JsonObject Resource()
    {
        JsonObject Inputs() => new()
        {
            [Csv] = new JsonObject
            {
                ["$ref"] = "pulumi.json#/Asset",
                ["description"] = "The OEM's CSV exactly as delivered (header `Device Serial Number,Windows Product ID,Hardware Hash`, optionally `,Group Tag,Assigned User`), "
                    + "as a FileAsset of a regular .csv file of at most 1 GiB, or a FileArchive of a folder of such files (at most 1,000, read in name order, "
                    + "serial numbers and hashes unique across them; each problem named by file and line): the engine keeps only its hash in state. "
                    + "Relative paths are read from the folder the program runs in. A StringAsset, a remote asset or archive, an AssetArchive, a pipe or "
                    + "a device is refused at preview.",
            },
            [GroupTag] = String("The group tag of rows whose Group Tag column is empty."),
            [AssignedUser] = String("The user (UPN) assigned to devices whose Assigned User column is empty; it pre-fills the sign-in name at enrollment."),
            [WhenRemoved] = String("What removal from the CSV means: \"keep\" (default) leaves the device registered in Autopilot; \"delete\" deletes it, "
                + "unless it is enrolled in Intune (then the update fails, naming it)."),
        };

        var outputs = Inputs();
        outputs.Remove(Csv);
        outputs[Devices] = Map("Per serial number, the device as recorded: `deviceId|digest|user|groupTag` (the digest is of the imported row; never the hash). "
            + "A device still being imported has `pending:<import record id>` for its id.");
        outputs[Failed] = Map("Per serial number, why the device is not registered (e.g. ZtdDeviceAssignedToOtherTenant (808)); `pulumi up` retries these.");
        outputs[DeviceCount] = Integer("How many devices are registered.");
        outputs[LeftImportRecords] = new JsonObject
        {
            ["type"] = "object",
            ["additionalProperties"] = new JsonObject { ["type"] = "integer" },
            ["description"] = "Per import id, how many of its finished import records are still in Intune: a run deletes at most 1,000 (they do not affect "
                + "their devices), and later runs delete the rest.",
        };
        return new JsonObject
        {
            ["description"] = "A set of Windows Autopilot devices imported from the OEM's CSV (Graph v1.0 `importedWindowsAutopilotDeviceIdentities/import`), "
                + "with their group tags and assigned users. Import by `all`, `serials:SN1,SN2` or `groupTag:<tag>`.",
            ["inputProperties"] = Inputs(),
            ["requiredInputs"] = new JsonArray(Csv),
            ["properties"] = outputs,
            ["required"] = new JsonArray(WhenRemoved, Devices, Failed, DeviceCount, LeftImportRecords),
        };
    }

    private static JsonObject Map(string description) =>
        new() { ["type"] = "object", ["additionalProperties"] = new JsonObject { ["type"] = "string" }, ["description"] = description };
}
