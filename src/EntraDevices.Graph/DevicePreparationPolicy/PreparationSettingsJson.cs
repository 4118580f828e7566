using System.Text.Json;
using System.Text.Json.Nodes;

namespace EntraDevices.Graph.DevicePreparationPolicy;

/// <summary>
/// The user-driven template's settings as Graph's settings catalog holds them (graph-device-preparation.md §2.3): a
/// setting is found by its definition id only (template references are ignored on read); a declared setting is laid
/// over the policy's own list, and every other entry, one this code does not know included, is kept as it is.
/// </summary>
public static class PreparationSettingsJson
{
    public const string UserDrivenTemplate = "80d33118-b7b4-40d8-b15f-81be745e053f_1";
    public const string AutomaticTemplate = "a6157a7f-aa00-42d9-ac82-7d2479f545db_1";
    public const string Prefix = "enrollment_autopilot_dpp_";

    private const string Setting = "#microsoft.graph.deviceManagementConfigurationSetting";
    private const string ChoiceInstance = "#microsoft.graph.deviceManagementConfigurationChoiceSettingInstance";
    private const string SimpleInstance = "#microsoft.graph.deviceManagementConfigurationSimpleSettingInstance";
    private const string CollectionInstance = "#microsoft.graph.deviceManagementConfigurationSimpleSettingCollectionInstance";
    private const string StringValue = "#microsoft.graph.deviceManagementConfigurationStringSettingValue";
    private const string IntegerValue = "#microsoft.graph.deviceManagementConfigurationIntegerSettingValue";

    /// <summary>Each setting's definition name, instance template and value template (§2.3's table).</summary>
    private static readonly Dictionary<string, (string Instance, string? Value)> Templates = new()
    {
        ["deploymentmode"] = ("5180aeab-886e-4589-97d4-40855c646315", "5874c2f6-bcf1-463b-a9eb-bee64e2f2d82"),
        ["deploymenttype"] = ("f4184296-fa9f-4b67-8b12-1723b3f8456b", "e0af022f-37f3-4a40-916d-1ab7281c88d9"),
        ["jointype"] = ("6310e95d-6cfa-4d2f-aae0-1e7af12e2182", "1fa84eb3-fcfa-4ed6-9687-0f3d486402c4"),
        ["accountype"] = ("d4f2a840-86d5-4162-9a08-fa8cc608b94e", "bf13bb47-69ef-4e06-97c1-50c2859a49c2"),
        ["timeout"] = ("6dec0657-dfb8-4906-a7ee-3ac6ee1edecb", "0bbcce5b-a55a-4e05-821a-94bf576d6cc8"),
        ["customerrormessage"] = ("2ddf0619-2b7a-46de-b29b-c6191e9dda6e", "fe5002d5-fbe9-4920-9e2d-26bfc4b4cc97"),
        ["allowskip"] = ("2a71dc89-0f17-4ba9-bb27-af2521d34710", "a2323e5e-ac56-4517-8847-b0a6fdb467e7"),
        ["allowdiagnostics"] = ("e2b7a81b-f243-4abd-bce3-c1856345f405", "c59d26fd-3460-4b26-b47a-f7e202e7d5a3"),
        ["devicesecuritygroupids"] = ("a46a50ab-3076-4968-9366-75a40dde950e", "5f7d09e1-1a90-44ad-9c9f-ad90ba509e60"),
        ["allowedappids"] = ("70d22a8a-a03c-4f62-b8df-dded3e327639", null),
        ["allowedscriptids"] = ("1bc67702-800c-4271-8fd9-609351cc19cf", null),
    };

    /// <summary>The words of each choice's options; an option not listed is shown as its own id.</summary>
    private static readonly Dictionary<string, string[]> Options = new()
    {
        ["deploymentmode"] = ["userDriven"],
        ["deploymenttype"] = ["singleUser"],
        ["jointype"] = ["entraJoined"],
        ["accountype"] = ["administrator", "standardUser"],
    };

    /// <summary>What a new policy holds where the stack is silent: the admin center's defaults (§2.3).</summary>
    public static readonly PreparationSettings Defaults = new(
        "userDriven", "singleUser", "entraJoined", "standardUser", 60, "Contact your organization's support person for help.", false, false, [], []);

    /// <summary>The settings of the list, by definition id.</summary>
    public static PreparationSettings Read(JsonArray settings)
    {
        var byName = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var instance in settings.Select(s => s?["settingInstance"]).OfType<JsonObject>())
        {
            if ((string?)instance["settingDefinitionId"] is { } id && id.StartsWith(Prefix, StringComparison.Ordinal))
            {
                byName.TryAdd(id[Prefix.Length..], instance);
            }
        }

        string? Choice(string name) => (string?)byName.GetValueOrDefault(name)?["choiceSettingValue"]?["value"] is { } option
            ? Options.TryGetValue(name, out var words) && Index(name, option) is { } i && i < words.Length ? words[i] : option
            : null;
        bool? Flag(string name) => (string?)byName.GetValueOrDefault(name)?["choiceSettingValue"]?["value"] is { } option
            ? Index(name, option) switch { 0 => false, 1 => true, _ => null }
            : null;
        JsonNode? Simple(string name) => byName.GetValueOrDefault(name)?["simpleSettingValue"]?["value"];
        IEnumerable<string>? Values(string name) => (byName.GetValueOrDefault(name)?["simpleSettingCollectionValue"] as JsonArray)
            ?.Select(v => (string?)v?["value"]).OfType<string>();

        return new PreparationSettings(
            Choice("deploymentmode"),
            Choice("deploymenttype"),
            Choice("jointype"),
            Choice("accountype"),
            Simple("timeout") is JsonValue minutes && minutes.TryGetValue<int>(out var m) ? m : null,
            Simple("customerrormessage") is JsonValue text && text.TryGetValue<string>(out var s) ? s : null,
            Flag("allowskip"),
            Flag("allowdiagnostics"),
            Values("allowedappids")?.Select(App).ToList() ?? [],
            Values("allowedscriptids")?.ToList() ?? []);
    }

    /// <summary>
    /// <paramref name="basis"/> with every declared (non-null) setting of <paramref name="declared"/> laid over it; every
    /// other entry is kept as it is. An empty app or script list removes its entry, as the admin center sends none.
    /// </summary>
    public static JsonArray Overlay(JsonArray basis, PreparationSettings declared)
    {
        var result = new JsonArray();
        var replaced = new Dictionary<string, JsonObject?>(StringComparer.Ordinal);
        void Declare(string name, object? value, Func<JsonObject?> instance)
        {
            if (value is not null)
            {
                replaced[name] = instance();
            }
        }

        Declare("deploymentmode", declared.DeploymentMode, () => Choice("deploymentmode", declared.DeploymentMode!));
        Declare("deploymenttype", declared.DeploymentType, () => Choice("deploymenttype", declared.DeploymentType!));
        Declare("jointype", declared.JoinType, () => Choice("jointype", declared.JoinType!));
        Declare("accountype", declared.UserAccountType, () => Choice("accountype", declared.UserAccountType!));
        Declare("timeout", declared.TimeoutMinutes, () => Simple("timeout", IntegerValue, JsonValue.Create(declared.TimeoutMinutes!.Value)));
        Declare("customerrormessage", declared.CustomErrorMessage, () => Simple("customerrormessage", StringValue, JsonValue.Create(declared.CustomErrorMessage!)));
        Declare("allowskip", declared.AllowSkip, () => Flag("allowskip", declared.AllowSkip!.Value));
        Declare("allowdiagnostics", declared.AllowDiagnostics, () => Flag("allowdiagnostics", declared.AllowDiagnostics!.Value));
        Declare("allowedappids", declared.AllowedApps, () => Collection("allowedappids", declared.AllowedApps!.Select(AppValue)));
        Declare("allowedscriptids", declared.AllowedScripts, () => Collection("allowedscriptids", declared.AllowedScripts!));

        foreach (var entry in basis.OfType<JsonObject>())
        {
            var id = (string?)entry["settingInstance"]?["settingDefinitionId"] ?? "";
            var name = id.StartsWith(Prefix, StringComparison.Ordinal) ? id[Prefix.Length..] : "";
            if (replaced.Remove(name, out var instance))
            {
                if (instance is not null)
                {
                    result.Add((JsonNode)Wrap(instance));
                }
            }
            else
            {
                result.Add((JsonNode)Sendable(entry));
            }
        }

        foreach (var instance in replaced.Values.OfType<JsonObject>())
        {
            result.Add((JsonNode)Wrap(instance));
        }

        return result;
    }

    /// <summary>The settings of a new policy: the defaults with the declared settings over them, and the device group placeholder the admin center sends.</summary>
    public static JsonArray ForCreate(PreparationSettings declared) =>
        Overlay(new JsonArray(Wrap(Simple("devicesecuritygroupids", StringValue, JsonValue.Create(""))!)), Over(Defaults, declared));

    /// <summary>The declared settings over <paramref name="basis"/>.</summary>
    public static PreparationSettings Over(PreparationSettings basis, PreparationSettings declared) => new(
        declared.DeploymentMode ?? basis.DeploymentMode,
        declared.DeploymentType ?? basis.DeploymentType,
        declared.JoinType ?? basis.JoinType,
        declared.UserAccountType ?? basis.UserAccountType,
        declared.TimeoutMinutes ?? basis.TimeoutMinutes,
        declared.CustomErrorMessage ?? basis.CustomErrorMessage,
        declared.AllowSkip ?? basis.AllowSkip,
        declared.AllowDiagnostics ?? basis.AllowDiagnostics,
        declared.AllowedApps ?? basis.AllowedApps,
        declared.AllowedScripts ?? basis.AllowedScripts);

    /// <summary>True when <paramref name="live"/> holds every setting <paramref name="declared"/> declares (apps compared by id, lists as sets).</summary>
    public static bool Holds(PreparationSettings live, PreparationSettings declared)
    {
        static bool Same<T>(T? want, T? have) => want is null || Equals(want, have);
        static bool SameSet(IEnumerable<string>? want, IEnumerable<string>? have) =>
            want is null || want.ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(have ?? []);
        return Same(declared.DeploymentMode, live.DeploymentMode)
            && Same(declared.DeploymentType, live.DeploymentType)
            && Same(declared.JoinType, live.JoinType)
            && Same(declared.UserAccountType, live.UserAccountType)
            && Same(declared.TimeoutMinutes, live.TimeoutMinutes)
            && Same(declared.CustomErrorMessage, live.CustomErrorMessage)
            && Same(declared.AllowSkip, live.AllowSkip)
            && Same(declared.AllowDiagnostics, live.AllowDiagnostics)
            && SameSet(declared.AllowedApps?.Select(a => a.Id), live.AllowedApps?.Select(a => a.Id))
            && (declared.AllowedApps is null || declared.AllowedApps.All(a => live.AllowedApps?.Any(l => string.Equals(l.Id, a.Id, StringComparison.OrdinalIgnoreCase) && l.Type == a.Type) == true))
            && SameSet(declared.AllowedScripts, live.AllowedScripts);
    }

    private static int? Index(string name, string option) =>
        option.StartsWith($"{Prefix}{name}_", StringComparison.Ordinal) && int.TryParse(option.AsSpan(Prefix.Length + name.Length + 1), out var i) ? i : null;

    private static AllowedApp App(string value)
    {
        // The admin center stores each app as JSON text with its id and type (§2.4); a bare id is read as one.
        try
        {
            if (JsonNode.Parse(value) is JsonObject app && (string?)app["id"] is { } id)
            {
                return new AllowedApp(id, (string?)app["type"] ?? "");
            }
        }
        catch (JsonException)
        {
        }

        return new AllowedApp(value, "");
    }

    private static string AppValue(AllowedApp app) => new JsonObject { ["id"] = app.Id, ["type"] = app.Type }.ToJsonString();

    private static JsonObject Wrap(JsonObject instance) => new() { ["@odata.type"] = Setting, ["settingInstance"] = instance };

    /// <summary>A setting read back, as a PUT may send it: without what Graph adds on read (the entry's id, expanded definitions).</summary>
    private static JsonObject Sendable(JsonObject entry)
    {
        var copy = (JsonObject)entry.DeepClone();
        copy.Remove("id");
        copy.Remove("settingDefinitions");
        copy["@odata.type"] ??= Setting;
        return copy;
    }

    private static JsonObject Instance(string name, string type) => new()
    {
        ["@odata.type"] = type,
        ["settingDefinitionId"] = Prefix + name,
        ["settingInstanceTemplateReference"] = new JsonObject { ["settingInstanceTemplateId"] = Templates[name].Instance },
    };

    private static JsonObject ValueTemplate(string name) => new() { ["settingValueTemplateId"] = Templates[name].Value };

    private static JsonObject Choice(string name, string word)
    {
        var index = Array.IndexOf(Options[name], word);
        var option = index >= 0 ? $"{Prefix}{name}_{index}" : word;
        return Choose(name, option);
    }

    private static JsonObject Flag(string name, bool yes) => Choose(name, $"{Prefix}{name}_{(yes ? 1 : 0)}");

    private static JsonObject Choose(string name, string option)
    {
        var instance = Instance(name, ChoiceInstance);
        instance["choiceSettingValue"] = new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.deviceManagementConfigurationChoiceSettingValue",
            ["value"] = option,
            ["children"] = new JsonArray(),
            ["settingValueTemplateReference"] = ValueTemplate(name),
        };
        return instance;
    }

    private static JsonObject Simple(string name, string valueType, JsonNode value)
    {
        var instance = Instance(name, SimpleInstance);
        instance["simpleSettingValue"] = new JsonObject
        {
            ["@odata.type"] = valueType,
            ["value"] = value,
            ["settingValueTemplateReference"] = ValueTemplate(name),
        };
        return instance;
    }

    private static JsonObject? Collection(string name, IEnumerable<string> values)
    {
        var list = values.ToList();
        if (list.Count == 0)
        {
            return null;
        }

        var instance = Instance(name, CollectionInstance);
        instance["simpleSettingCollectionValue"] = new JsonArray([.. list.Select(v => (JsonNode)new JsonObject { ["@odata.type"] = StringValue, ["value"] = v })]);
        return instance;
    }
}
