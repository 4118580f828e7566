using System.Text.Json.Nodes;

namespace EntraDevices.Graph.Tests.Emulator;

internal static class JsonObjectExtensions
{
    public static JsonObject Without(this JsonObject json, string property)
    {
        var copy = json.DeepClone().AsObject();
        copy.Remove(property);
        return copy;
    }
}
