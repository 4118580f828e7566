namespace EntraDevices.Provider.Lifecycle;

/// <summary>Joins Graph's text and ours into readable sentences.</summary>
internal static class Sentences
{
    public static string End(string text) => text.TrimEnd().EndsWith('.') ? text.TrimEnd() : text.TrimEnd() + ".";

    /// <summary>"the device registration policy" at the start of a sentence.</summary>
    public static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
