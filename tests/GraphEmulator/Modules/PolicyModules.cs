namespace EntraDevices.GraphEmulator.Modules;

/// <summary>The tenant-wide device settings policies, stored in <see cref="EmulatedTenant"/>.</summary>
internal sealed class DeviceRegistrationPolicyModule(EmulatedTenant tenant) : IEmulatorModule
{
    public void Register(RouteTable routes)
    {
        routes.Add("policies/deviceRegistrationPolicy", "GET",
            ["Policy.Read.DeviceConfiguration", "Policy.ReadWrite.DeviceConfiguration", "Policy.Read.All"],
            request => GraphResponse.Ok(DeviceRegistrationPolicyDocument.AsResponse(tenant.DeviceRegistrationPolicy, request.Version)));
        routes.Add("policies/deviceRegistrationPolicy", "PUT", ["Policy.ReadWrite.DeviceConfiguration"], request =>
        {
            var stored = tenant.PutDeviceRegistrationPolicy(DeviceRegistrationPolicyBody.Parse(request.Body));
            return GraphResponse.Ok(DeviceRegistrationPolicyDocument.AsResponse(stored, request.Version));
        });
    }
}

/// <summary>The authorization policy: GET and a partial PATCH (204).</summary>
internal sealed class AuthorizationPolicyModule(EmulatedTenant tenant) : IEmulatorModule
{
    public void Register(RouteTable routes)
    {
        routes.Add("policies/authorizationPolicy", "GET", ["Policy.Read.All", "Policy.ReadWrite.Authorization"],
            request => GraphResponse.Ok(AuthorizationPolicyDocument.AsResponse(tenant.AuthorizationPolicy, request.Version)));
        routes.Add("policies/authorizationPolicy", "PATCH", ["Policy.ReadWrite.Authorization"], request =>
        {
            tenant.PatchAuthorizationPolicy(AuthorizationPolicyDocument.ParsePatch(request.Body));
            return GraphResponse.NoContent;
        });
    }
}
