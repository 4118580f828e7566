namespace EntraDevices.Graph.Transport;

/// <summary>
/// Every id that goes into a Graph URL path goes through <see cref="Id"/>: checked for the shape Graph's ids have
/// (GUIDs, and GUIDs joined with '_' to a GUID or a type name, as assignment and Enrollment Status Page ids are) and
/// escaped, so an id from state or an import can never point a request at another object (<c>../other-id</c>).
/// </summary>
public static class GraphPath
{
    public const string Accepted = "letters, digits, '-' and '_' (a GUID, or GUIDs and names joined with '_', as Graph gives them), at most 256 characters";

    public static string Id(string id) => IsId(id) ? Uri.EscapeDataString(id) : throw new InvalidIdException(id);

    public static bool IsId(string? id) => id is { Length: > 0 and <= 256 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}

/// <summary>An id that is not of the shape Graph gives: never sent. Its text is shortened, never the whole of it.</summary>
public sealed class InvalidIdException(string id)
    : Exception($"'{(id.Length > 60 ? id[..60] + "…" : id)}' is not an id Microsoft Graph gives; accepted: {GraphPath.Accepted}. No request was sent with it.");
