using EntraDevices.Graph.Connection;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using GraphModels = Microsoft.Graph.Models;

namespace EntraDevices.Graph.DeviceRegistrationPolicy;

/// <summary>Reads and replaces the tenant's device registration policy.</summary>
public sealed class DeviceRegistrationPolicyClient(GraphConnection connection)
{
    public static readonly GraphOperation Read = new(
        "GET", "/policies/deviceRegistrationPolicy", "read the device registration policy",
        "Policy.Read.DeviceConfiguration", "Cloud Device Administrator (or Global Reader)");

    public static readonly GraphOperation Replace = new(
        "PUT", "/policies/deviceRegistrationPolicy", "update the device registration policy",
        "Policy.ReadWrite.DeviceConfiguration", "Cloud Device Administrator");

    private static readonly Dictionary<string, ParsableFactory<IParsable>> ErrorMapping = new()
    {
        ["XXX"] = ODataError.CreateFromDiscriminatorValue,
    };

    public Task<DeviceRegistrationSettings> GetAsync(CancellationToken cancellationToken) =>
        connection.Run(Read, async call =>
        {
            var policy = await connection.Client.Policies.DeviceRegistrationPolicy.GetAsync(c => c.Options.Add(call.Headers), call.Token)
                ?? throw new UnexpectedPolicyShapeException("Graph answered the policy GET with an empty body.");
            return DeviceRegistrationPolicyMapping.FromGraph(policy);
        }, cancellationToken);

    /// <summary>
    /// Replaces the whole policy. The SDK has no update method, so the PUT goes through the SDK's request
    /// adapter (auth, retry and telemetry still apply) with a body that carries every writable field.
    /// </summary>
    public Task<DeviceRegistrationSettings> PutAsync(DeviceRegistrationSettings settings, CancellationToken cancellationToken) =>
        connection.Run(Replace, async call =>
        {
            var adapter = connection.Client.RequestAdapter;
            var request = connection.Client.Policies.DeviceRegistrationPolicy.ToGetRequestInformation();
            request.HttpMethod = Method.PUT;
            request.SetContentFromParsable(adapter, "application/json", DeviceRegistrationPolicyMapping.ToGraph(settings));
            request.AddRequestOptions(call.Options);
            var updated = await adapter.SendAsync(request, GraphModels.DeviceRegistrationPolicy.CreateFromDiscriminatorValue,
                ErrorMapping, call.Token);
            // Graph answers 200 with the stored policy; an empty answer still means the write was taken. An answer that
            // is not the policy throws UnexpectedPolicyShapeException: the write may have applied, so the caller re-reads.
            return updated is null ? settings : DeviceRegistrationPolicyMapping.FromGraph(updated);
        }, cancellationToken);
}
