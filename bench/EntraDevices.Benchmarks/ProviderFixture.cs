using EntraDevices.GraphEmulator;
using EntraDevices.Provider.Configuration;
using EntraDevices.Provider.Hosting;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Protocol;
using EntraDevices.Provider.Resources;
using EntraDevices.Provider.Values;
using Google.Protobuf.WellKnownTypes;
using Pulumirpc;
using EmulatorHost = EntraDevices.GraphEmulator.GraphEmulator;
using StringValue = EntraDevices.Provider.Values.StringValue;

namespace EntraDevices.Benchmarks;

/// <summary>
/// The provider's gRPC service wired as ProviderHost wires it (minus Kestrel), configured against an
/// in-process Graph emulator, with one DeviceRegistrationPolicy already created so that Diff and Update get
/// real state: the outputs Create returned, originalSettings included.
/// </summary>
internal sealed class ProviderFixture : IAsyncDisposable
{
    public const string Type = "entradevices:index:DeviceRegistrationPolicy";
    public const string Urn = $"urn:pulumi:bench::entra-device-settings::{Type}::policy";
    public const string Id = "deviceRegistrationPolicy";

    private readonly GraphSession _session;
    private readonly EngineLog _log;
    private readonly ProviderLifetime _lifetime;

    private ProviderFixture(EmulatorHost emulator, GraphSession session, EngineLog log, ProviderLifetime lifetime, IResource resource)
    {
        Emulator = emulator;
        _session = session;
        _log = log;
        _lifetime = lifetime;
        Resource = resource;
        Service = new ResourceProviderService(new ResourceTypes(Catalog.Resources(session.Connection)), session, log, lifetime);
    }

    public EmulatorHost Emulator { get; }

    public IResource Resource { get; }

    public ResourceProviderService Service { get; }

    /// <summary>Checked inputs of <see cref="RealisticPolicy.First"/>.</summary>
    public Struct Inputs { get; private set; } = new();

    /// <summary>The outputs Create returned for <see cref="Inputs"/>: the state Diff and Update start from.</summary>
    public Struct Outputs { get; private set; } = new();

    public static async Task<ProviderFixture> StartAsync()
    {
        var emulator = await EmulatorHost.StartAsync();
        var session = new GraphSession(_ => null);
        session.Configure(ObjectValue.Of(
            ("graphEndpoint", new StringValue(emulator.BaseUrl)),
            ("accessToken", new SecretValue(new StringValue(TestTokens.WithRoles("Policy.ReadWrite.DeviceConfiguration"))))));
        var fixture = new ProviderFixture(emulator, session, new EngineLog(null), new ProviderLifetime(),
            Catalog.Resources(session.Connection).Single(r => r.Token == Type));

        fixture.Inputs = await fixture.CheckAsync(RealisticPolicy.First());
        var created = await fixture.Service.Create(
            new CreateRequest { Urn = Urn, Type = Type, Name = "policy", Properties = fixture.Inputs }, null!);
        fixture.Outputs = created.Properties;
        return fixture;
    }

    public CheckRequest CheckRequest(Struct news, Struct? olds = null) =>
        new() { Urn = Urn, Type = Type, Name = "policy", News = news, Olds = olds ?? new Struct(), RandomSeed = Google.Protobuf.ByteString.CopyFrom(new byte[32]) };

    public DiffRequest DiffRequest(Struct news) =>
        new() { Id = Id, Urn = Urn, Type = Type, Name = "policy", Olds = Outputs, News = news, OldInputs = Inputs };

    public UpdateRequest UpdateRequest(Struct news) =>
        new() { Id = Id, Urn = Urn, Type = Type, Name = "policy", Olds = Outputs, News = news, OldInputs = Inputs };

    /// <summary>Check through the service, failing loudly if the declaration is refused.</summary>
    public async Task<Struct> CheckAsync(Struct news, Struct? olds = null)
    {
        var response = await Service.Check(CheckRequest(news, olds), null!);
        if (response.Failures.Count > 0)
        {
            throw new InvalidOperationException($"Check refused the benchmark's policy: {string.Join("; ", response.Failures.Select(f => $"{f.Property}: {f.Reason}"))}");
        }

        return response.Inputs;
    }

    public async ValueTask DisposeAsync()
    {
        _session.Dispose();
        _log.Dispose();
        _lifetime.Dispose();
        await Emulator.DisposeAsync();
    }
}
