using Google.Protobuf.WellKnownTypes;

namespace EntraDevices.Benchmarks;

/// <summary>
/// The declaration the benchmarks work on, as the engine sends it (a protobuf Struct): every writable field
/// but <c>azureADRegistration</c> (Entra locks it wherever Intune is on, as in the emulator's seed tenant),
/// with joining limited to a selected membership of ten groups. bench/provider-ops.mjs declares the same.
/// </summary>
internal static class RealisticPolicy
{
    public static readonly string[] Groups = [.. Enumerable.Range(1, 10).Select(Group)];

    /// <summary>The first declaration: quota 20, the ten groups.</summary>
    public static Struct First() => Declared(20, Groups);

    /// <summary>A change of it: quota 25, one group swapped for another.</summary>
    public static Struct Second(int quota = 25) => Declared(quota, [.. Groups.Skip(1), Group(0xaa)]);

    private static string Group(int n) => $"6f1c2d3e-4a5b-4c6d-8e7f-{n:x12}";

    private static Struct Declared(int quota, IEnumerable<string> groups) => Obj(
        ("userDeviceQuota", Value.ForNumber(quota)),
        ("multiFactorAuthConfiguration", Value.ForString("required")),
        ("azureADJoin", Value.ForStruct(Obj(
            ("allowedToJoin", Membership("selected", groups)),
            ("localAdmins", Value.ForStruct(Obj(
                ("enableGlobalAdmins", Value.ForBool(true)),
                ("registeringUsers", Membership("none", [])))))))),
        ("localAdminPassword", Value.ForStruct(Obj(("isEnabled", Value.ForBool(true))))),
        ("onDestroy", Value.ForString("restoreOriginal")));

    private static Value Membership(string scope, IEnumerable<string> groups) => Value.ForStruct(Obj(
        ("scope", Value.ForString(scope)),
        ("users", Value.ForList()),
        ("groups", Value.ForList([.. groups.Select(Value.ForString)]))));

    private static Struct Obj(params (string Key, Value Value)[] fields)
    {
        var result = new Struct();
        foreach (var (key, value) in fields)
        {
            result.Fields[key] = value;
        }

        return result;
    }
}
