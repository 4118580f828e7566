using EntraDevices.Provider.Lifecycle.Sets;

namespace EntraDevices.Provider.Resources.CorporateDeviceIdentifiers;

/// <summary>The names of CorporateDeviceIdentifiers' inputs and outputs, in the user's words.</summary>
internal static class IdentifierProperties
{
    public const string Token = "entradevices:index:CorporateDeviceIdentifiers";
    public const string Csv = "csv";
    public const string WhenRemoved = "whenRemoved";
    public const string Identifiers = "identifiers";
    public const string Failed = "failed";
    public const string IdentifierCount = "identifierCount";
    public const string Keep = "keep";
    public const string Delete = "delete";

    public static readonly SetNames Names = new(Identifiers, Failed, IdentifierCount, [(WhenRemoved, Keep)]);

    public static readonly string[] Inputs = [Csv, WhenRemoved];
}
