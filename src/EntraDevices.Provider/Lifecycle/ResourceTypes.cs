namespace EntraDevices.Provider.Lifecycle;

/// <summary>The resource types this provider serves, found by type token or URN.</summary>
internal sealed class ResourceTypes(IEnumerable<IResource> resources)
{
    private readonly Dictionary<string, IResource> _byToken = resources.ToDictionary(r => r.Token);

    public IEnumerable<IResource> All => _byToken.Values;

    public IResource Find(string type, string urn)
    {
        var token = string.IsNullOrEmpty(type) ? TypeOf(urn) : type;
        return _byToken.TryGetValue(token, out var resource)
            ? resource
            : throw new CleanFailure(CleanFailureReason.InvalidInput,
                $"Unknown resource type '{token}'; this provider serves {string.Join(", ", _byToken.Keys)}.");
    }

    // urn:pulumi:<stack>::<project>::<parent$type>::<name>
    private static string TypeOf(string urn)
    {
        var parts = urn.Split("::");
        return parts.Length >= 4 ? parts[2].Split('$')[^1] : urn;
    }
}
