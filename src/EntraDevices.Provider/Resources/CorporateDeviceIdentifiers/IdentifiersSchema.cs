using System.Text.Json.Nodes;
using static EntraDevices.Provider.Resources.CorporateDeviceIdentifiers.IdentifierProperties;
using static EntraDevices.Provider.Resources.SchemaBuilder;

namespace EntraDevices.Provider.Resources.CorporateDeviceIdentifiers;

/// <summary>The resource's part of the package schema: what users see in generated SDKs and docs.</summary>
internal static class IdentifiersSchema
{
    public static JsonObject Resource()
    {
        var inputs = Inputs();
        var outputs = Inputs();
        outputs.Remove(Csv);
        outputs[Identifiers] = Map("Each identifier the tenant holds for this stack (manufacturer,model,serial) and its Graph id.");
        outputs[Failed] = Map("Each identifier an up could not add, and why; the next up retries them.");
        outputs[IdentifierCount] = Integer("How many identifiers the tenant holds for this stack.");
        return new JsonObject
        {
            ["description"] = "Windows corporate device identifiers from a CSV (Intune admin center: Devices > Enrollment > Corporate device identifiers), step 7a of "
                + "Microsoft's device preparation tutorial: needed only where enrollment restrictions block personal Windows devices. Graph beta "
                + "`importedDeviceIdentities` of type manufacturerModelSerial. The file is checked by line at preview; an up imports new identifiers in "
                + "calls of 500, records each one Intune took with its id and each one it did not with the reason, and handles identifiers removed from the "
                + "file as whenRemoved says. The first Windows identifier of a tenant changes how every other enrolling Windows device is classified: "
                + "one that matches no identifier is marked personal. Needs the Microsoft Graph permission DeviceManagementServiceConfig.ReadWrite.All "
                + "(Entra role Intune Administrator for a signed-in user).",
            ["inputProperties"] = inputs,
            ["properties"] = outputs,
            ["requiredInputs"] = new JsonArray(Csv),
            ["required"] = new JsonArray(WhenRemoved, Identifiers, Failed, IdentifierCount),
        };
    }

    private static JsonObject Inputs() => new()
    {
        [Csv] = new JsonObject
        {
            ["$ref"] = "pulumi.json#/Asset",
            ["description"] = "A FileAsset of the CSV the admin center takes (no header; one manufacturer,model,serial per line; periods removed from serial "
                + "numbers), or a FileArchive of a folder of them. Relative paths are read from the folder the program runs in.",
        },
        [WhenRemoved] = String($"What becomes of an identifier removed from the file: \"{Keep}\" (the default: it stays in the tenant and leaves the stack's state) or \"{Delete}\" (it is deleted)."),
    };

    private static JsonObject Map(string description) => new()
    {
        ["type"] = "object",
        ["additionalProperties"] = new JsonObject { ["type"] = "string" },
        ["description"] = description,
    };
}
