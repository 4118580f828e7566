using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Lifecycle;

/// <summary>One resource type of this provider, in typed values; the gRPC adapter calls it.</summary>
public interface IResource
{
    /// <summary>The Pulumi type token, e.g. <c>entradevices:index:DeviceRegistrationPolicy</c>.</summary>
    string Token { get; }

    /// <summary>The only id the resource can have: it is a tenant-wide singleton.</summary>
    string Id { get; }

    CheckResult Check(ObjectValue news);

    DiffResult Diff(ObjectValue olds, ObjectValue news);

    /// <summary>Outputs that preview can promise without calling Graph.</summary>
    ObjectValue PreviewCreate(ObjectValue inputs);

    ObjectValue PreviewUpdate(ObjectValue olds, ObjectValue news);

    Task<ObjectValue> CreateAsync(ObjectValue inputs, CancellationToken cancellationToken);

    Task<ReadResult> ReadAsync(string id, ObjectValue properties, ObjectValue inputs, CancellationToken cancellationToken);

    Task<ObjectValue> UpdateAsync(ObjectValue olds, ObjectValue news, CancellationToken cancellationToken);

    Task DeleteAsync(ObjectValue properties, ObjectValue oldInputs, CancellationToken cancellationToken);

    /// <summary>The resource's entry of the package schema (JSON).</summary>
    System.Text.Json.Nodes.JsonObject Schema();
}
