using System.Text.Json.Nodes;

namespace EntraDevices.Graph.AutomaticIntuneEnrollment;

/// <summary>Pure mapping between Graph's mobility management policy JSON and <see cref="MobilityPolicy"/>.</summary>
public static class MobilityPolicyMapping
{
    public static MobilityPolicy FromGraph(JsonObject json)
    {
        var scope = (json["appliesTo"] as JsonValue)?.ToString() switch
        {
            "none" => UserScope.None,
            "all" => UserScope.All,
            "selected" => UserScope.Selected,
            var other => throw new UnexpectedPolicyShapeException(
                $"Graph returned a mobility management policy whose appliesTo is {(other is null ? "missing" : $"'{other}'")}; refusing to guess its scope."),
        };
        var groups = json["includedGroups"] is JsonArray included
            ? included.OfType<JsonObject>().Select(g => (string?)g["id"]).OfType<string>().ToList()
            : throw new UnexpectedPolicyShapeException("Graph returned a mobility management policy without 'includedGroups' (it is read with $expand=includedGroups).");
        return new MobilityPolicy(scope, groups, Text(json, "discoveryUrl"), Text(json, "termsOfUseUrl"), Text(json, "complianceUrl"));
    }

    public static string ToGraph(UserScope scope) => scope switch
    {
        UserScope.None => "none",
        UserScope.All => "all",
        _ => "selected",
    };

    private static string? Text(JsonObject json, string name) => json[name] is JsonValue value && value.ToString() is { Length: > 0 } text ? text : null;
}
