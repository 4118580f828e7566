using System.Text.Json.Nodes;

using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Lifecycle;

/// <summary>
/// One resource type of this provider, in typed values; the gRPC adapter calls it. Resources do not implement
/// it themselves: <see cref="Settings.SettingsResource{TLive}"/>, <see cref="Objects.ObjectResource{TSpec, TLive}"/> and
/// <see cref="Sets.SetResource{TRow, TItem}"/> run the lifecycle once, over what each resource supplies.
/// </summary>
public interface IResource
{
    /// <summary>The Pulumi type token, e.g. <c>entradevices:index:DeviceRegistrationPolicy</c>.</summary>
    string Token { get; }

    CheckResult Check(ResourceCheck check);

    DiffResult Diff(ResourceDiff diff);

    Task<CreateResult> CreateAsync(ResourceCreate create, Operation operation);

    Task<ReadResult> ReadAsync(ResourceRead read, Operation operation);

    Task<ObjectValue> UpdateAsync(ResourceUpdate update, Operation operation);

    Task DeleteAsync(ResourceDelete delete, Operation operation);

    /// <summary>The resource's entry of the package schema.</summary>
    JsonObject Schema();

    /// <summary>The object types its schema refers to (<c>#/types/…</c>), merged into the package schema.</summary>
    JsonObject SchemaTypes() => [];
}
