namespace EntraDevices.GraphEmulator;

/// <summary>One emulated Graph object family: it registers its own routes. <see cref="Modules.All"/> lists them.</summary>
internal interface IEmulatorModule
{
    void Register(RouteTable routes);
}
