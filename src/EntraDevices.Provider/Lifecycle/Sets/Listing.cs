namespace EntraDevices.Provider.Lifecycle.Sets;

/// <summary>Lists of keys (serial numbers, identifiers) in messages: thousands of items must not make a preview or an error unreadable.</summary>
internal static class Listing
{
    /// <summary>The first <paramref name="listed"/> items, comma-separated, then how many more: <c>SN-1, SN-2, and 3 more</c>.</summary>
    public static string FirstOf(IReadOnlyCollection<string> items, int listed) =>
        $"{string.Join(", ", items.Take(listed))}{(items.Count > listed ? $", and {items.Count - listed} more" : "")}";

    /// <summary>The first <paramref name="listed"/> items in parentheses after a space, <c> (SN-1, SN-2)</c>; nothing when there are none.</summary>
    public static string InParentheses(IEnumerable<string> items, int listed) => items.ToList() is { Count: > 0 } all ? $" ({FirstOf(all, listed)})" : "";
}
