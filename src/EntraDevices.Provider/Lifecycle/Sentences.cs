namespace EntraDevices.Provider.Lifecycle;

/// <summary>Joins Graph's text and ours into readable sentences.</summary>
internal static class Sentences
{
    public static string End(string text) => text.TrimEnd().EndsWith('.') ? text.TrimEnd() : text.TrimEnd() + ".";
}
