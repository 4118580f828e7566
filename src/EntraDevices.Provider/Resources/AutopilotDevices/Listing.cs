namespace EntraDevices.Provider.Resources.AutopilotDevices;

/// <summary>Lists of serial numbers in messages: thousands of devices must not make a preview or an error unreadable.</summary>
internal static class Listing
{
    /// <summary>The first <paramref name="listed"/> items, comma-separated, then how many more: <c>SN-1, SN-2, and 3 more</c>.</summary>
    public static string FirstOf(IReadOnlyCollection<string> items, int listed) =>
        $"{string.Join(", ", items.Take(listed))}{(items.Count > listed ? $", and {items.Count - listed} more" : "")}";
}
