using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Tests;

/// <summary>Terse builders for property values in tests.</summary>
internal static class Inputs
{
    public const string UserId = "3c8ef067-8b96-44de-b2ae-557dfa0f97a0";
    public const string GroupId = "0b1d4f8e-9a3c-4c1e-8d7f-2a6b5c4d3e2f";

    public static ObjectValue Obj(params (string Key, PropertyValue Value)[] properties) =>
        ObjectValue.Of([.. properties.Select(p => (p.Key, (PropertyValue?)p.Value))]);

    public static StringValue Str(string value) => new(value);

    public static NumberValue Num(double value) => new(value);

    public static BoolValue Bool(bool value) => new(value);

    public static ArrayValue Ids(params string[] ids) => ArrayValue.Of(ids);

    public static ObjectValue Membership(string scope, string[]? users = null, string[]? groups = null) =>
        Obj(("scope", Str(scope)), ("users", Ids(users ?? [])), ("groups", Ids(groups ?? [])));

    public static ObjectValue Join(ObjectValue allowedToJoin) => Obj(("azureADJoin", Obj(("allowedToJoin", allowedToJoin))));
}
