using EntraDevices.Provider.Configuration;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Resources;
using EntraDevices.Provider.Values;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Pulumirpc;
using static EntraDevices.Provider.Protocol.StructConversion;

namespace EntraDevices.Provider.Protocol;

/// <summary>The gRPC face of the provider: translates messages and delegates to the resource types.</summary>
internal sealed class ResourceProviderService(ResourceTypes resources, GraphSession graph, EngineLog log, ProviderLifetime lifetime)
    : ResourceProvider.ResourceProviderBase
{
    public static readonly string Version = typeof(ResourceProviderService).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public override Task<PluginInfo> GetPluginInfo(Empty request, ServerCallContext context) =>
        Task.FromResult(new PluginInfo { Version = Version });

    public override Task<GetSchemaResponse> GetSchema(GetSchemaRequest request, ServerCallContext context) =>
        Task.FromResult(new GetSchemaResponse { Schema = PackageSchema.Json(resources.All, Version) });

    public override Task<CheckResponse> CheckConfig(CheckRequest request, ServerCallContext context)
    {
        var response = new CheckResponse { Inputs = request.News };
        response.Failures.AddRange(ProviderConfig.Check(ToObject(request.News)).Select(ToProto));
        return Task.FromResult(response);
    }

    public override Task<DiffResponse> DiffConfig(DiffRequest request, ServerCallContext context) =>
        // A change of credentials or endpoint never replaces the singleton policies.
        Task.FromResult(new DiffResponse { Changes = DiffResponse.Types.DiffChanges.DiffNone });

    public override Task<ConfigureResponse> Configure(ConfigureRequest request, ServerCallContext context)
    {
        graph.Configure(ToObject(request.Args));
        return Task.FromResult(new ConfigureResponse { AcceptSecrets = true, SupportsPreview = true, AcceptResources = false });
    }

    public override async Task<CheckResponse> Check(CheckRequest request, ServerCallContext context)
    {
        var result = Guard(() => resources.Find(request.Type, request.Urn).Check(ToObject(request.News)));
        foreach (var warning in result.Warnings)
        {
            await log.WarnAsync(request.Urn, warning);
        }

        var response = new CheckResponse { Inputs = ToStruct(result.Inputs) };
        response.Failures.AddRange(result.Failures.Select(ToProto));
        return response;
    }

    public override Task<DiffResponse> Diff(DiffRequest request, ServerCallContext context)
    {
        var diff = Guard(() => resources.Find(request.Type, request.Urn).Diff(ToObject(request.Olds), ToObject(request.News)));
        var response = new DiffResponse
        {
            Changes = diff.HasChanges ? DiffResponse.Types.DiffChanges.DiffSome : DiffResponse.Types.DiffChanges.DiffNone,
            HasDetailedDiff = true,
        };
        foreach (var (path, change) in diff.Changes)
        {
            response.DetailedDiff[path] = new PropertyDiff { Kind = KindOf(change) };
        }

        response.Diffs.AddRange(diff.Changes.Keys.Select(path => path.Split('.')[0]).Distinct());
        return Task.FromResult(response);
    }

    public override async Task<CreateResponse> Create(CreateRequest request, ServerCallContext context)
    {
        var resource = Guard(() => resources.Find(request.Type, request.Urn));
        var inputs = ToObject(request.Properties);
        if (request.Preview)
        {
            return new CreateResponse { Id = resource.Id, Properties = ToStruct(resource.PreviewCreate(inputs)) };
        }

        using var limits = lifetime.Limit(request.Timeout);
        try
        {
            var outputs = await resource.CreateAsync(inputs, limits.Token);
            return new CreateResponse { Id = resource.Id, Properties = ToStruct(outputs) };
        }
        catch (StateUnknown unknown)
        {
            throw FailureStatus.CreateUnknown(resource.Id, unknown, Prefix(limits));
        }
        catch (Exception error)
        {
            throw FailureStatus.From(error, Prefix(limits));
        }
    }

    public override async Task<ReadResponse> Read(ReadRequest request, ServerCallContext context)
    {
        var resource = Guard(() => resources.Find(request.Type, request.Urn));
        return await Bounded(request.Timeout, async token =>
        {
            var read = await resource.ReadAsync(request.Id, ToObject(request.Properties), ToObject(request.Inputs), token);
            return new ReadResponse { Id = read.Id, Properties = ToStruct(read.Outputs), Inputs = ToStruct(read.Inputs) };
        });
    }

    public override async Task<UpdateResponse> Update(UpdateRequest request, ServerCallContext context)
    {
        var resource = Guard(() => resources.Find(request.Type, request.Urn));
        var olds = ToObject(request.Olds);
        var news = ToObject(request.News);
        if (request.Preview)
        {
            return new UpdateResponse { Properties = ToStruct(resource.PreviewUpdate(olds, news)) };
        }

        return await Bounded(request.Timeout, async token =>
            new UpdateResponse { Properties = ToStruct(await resource.UpdateAsync(olds, news, token)) });
    }

    public override async Task<Empty> Delete(DeleteRequest request, ServerCallContext context)
    {
        var resource = Guard(() => resources.Find(request.Type, request.Urn));
        return await Bounded(request.Timeout, async token =>
        {
            await resource.DeleteAsync(ToObject(request.Properties), ToObject(request.OldInputs), token);
            return new Empty();
        });
    }

    public override Task<Empty> Cancel(Empty request, ServerCallContext context)
    {
        lifetime.CancelAll();
        return Task.FromResult(new Empty());
    }

    public override Task<Empty> Attach(PluginAttach request, ServerCallContext context) => Task.FromResult(new Empty());

    /// <summary>Runs one Graph-touching operation within the engine's timeout and Cancel, mapping failures to statuses.</summary>
    private async Task<T> Bounded<T>(double timeoutSeconds, Func<CancellationToken, Task<T>> operation)
    {
        using var limits = lifetime.Limit(timeoutSeconds);
        try
        {
            return await operation(limits.Token);
        }
        catch (Exception error)
        {
            throw FailureStatus.From(error, Prefix(limits));
        }
    }

    private static T Guard<T>(Func<T> step)
    {
        try
        {
            return step();
        }
        catch (Exception error)
        {
            throw FailureStatus.From(error, "");
        }
    }

    private static string Prefix(OperationLimits limits) =>
        limits.Token.IsCancellationRequested ? $"Stopped because {limits.Why}. " : "";

    private static Pulumirpc.CheckFailure ToProto(Lifecycle.CheckFailure failure) =>
        new() { Property = failure.Property, Reason = failure.Reason };

    private static PropertyDiff.Types.Kind KindOf(PropertyChange change) => change switch
    {
        PropertyChange.Add => PropertyDiff.Types.Kind.Add,
        PropertyChange.Delete => PropertyDiff.Types.Kind.Delete,
        _ => PropertyDiff.Types.Kind.Update,
    };
}
