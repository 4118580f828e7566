using EntraDevices.Provider.Configuration;
using EntraDevices.Provider.Hosting;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Resources;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Pulumirpc;
using static EntraDevices.Provider.Protocol.StructConversion;

namespace EntraDevices.Provider.Protocol;

/// <summary>
/// The gRPC face of the provider: translates messages into plain calls on the resource types, bounds each
/// operation, and maps failures to statuses. No resource logic lives here.
/// </summary>
internal sealed class ResourceProviderService(
    ResourceTypes resources, GraphSession graph, EngineLog log, ProviderLifetime lifetime)
    : ResourceProvider.ResourceProviderBase
{
    public static readonly string Version = typeof(ResourceProviderService).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public override Task<ProviderHandshakeResponse> Handshake(ProviderHandshakeRequest request, ServerCallContext context)
    {
        log.UseAddress(request.EngineAddress);
        // Its root and program directories are the plugin's own folder, not the program's (ProjectDirectories says why).
        // The same flags as Configure answers.
        return Task.FromResult(new ProviderHandshakeResponse { AcceptSecrets = true, AcceptResources = false });
    }

    public override Task<PluginInfo> GetPluginInfo(Empty request, ServerCallContext context) =>
        Task.FromResult(new PluginInfo { Version = Version });

    public override Task<GetSchemaResponse> GetSchema(GetSchemaRequest request, ServerCallContext context) =>
        Task.FromResult(new GetSchemaResponse { Schema = PackageSchema.Json(resources.All, Version) });

    public override Task<CheckResponse> CheckConfig(CheckRequest request, ServerCallContext context)
    {
        var response = new CheckResponse { Inputs = request.News };
        response.Failures.AddRange(ProviderConfig.Check(ToObject(request.News), graph.Environment).Select(ToProto));
        return Task.FromResult(response);
    }

    public override Task<DiffResponse> DiffConfig(DiffRequest request, ServerCallContext context) =>
        // Credentials and endpoints say how to reach the tenant, not what it holds: a change never replaces a resource.
        Task.FromResult(new DiffResponse { Changes = DiffResponse.Types.DiffChanges.DiffNone });

    public override Task<ConfigureResponse> Configure(ConfigureRequest request, ServerCallContext context)
    {
        Guard(() =>
        {
            graph.Configure(ToObject(request.Args));
            return true;
        });
        return Task.FromResult(new ConfigureResponse { AcceptSecrets = true, SupportsPreview = true, AcceptResources = false });
    }

    public override async Task<CheckResponse> Check(CheckRequest request, ServerCallContext context)
    {
        var (news, olds) = (ToObject(request.News), ToObject(request.Olds));
        var secrets = SecretText.Of(news, olds);
        var result = Guard(() => resources.Find(request.Type, request.Urn).Check(new ResourceCheck(request.Urn, news, olds)), secrets);
        foreach (var warning in result.Warnings)
        {
            await log.WarnAsync(request.Urn, secrets.Redact(warning));
        }

        var response = new CheckResponse { Inputs = ToStruct(secrets.Wrap(result.Inputs)) };
        response.Failures.AddRange(result.Failures.Select(failure => ToProto(failure with { Reason = secrets.Redact(failure.Reason) })));
        return response;
    }

    public override async Task<DiffResponse> Diff(DiffRequest request, ServerCallContext context)
    {
        var (olds, news, oldInputs) = (ToObject(request.Olds), ToObject(request.News), ToObject(request.OldInputs));
        var secrets = SecretText.Of(olds, news, oldInputs);
        var diff = Guard(() => resources.Find(request.Type, request.Urn).Diff(new ResourceDiff(request.Id, olds, news, oldInputs)), secrets);
        foreach (var note in diff.Notes)
        {
            await log.InfoAsync(request.Urn, secrets.Redact(note));
        }

        var response = new DiffResponse
        {
            Changes = diff.HasChanges ? DiffResponse.Types.DiffChanges.DiffSome : DiffResponse.Types.DiffChanges.DiffNone,
            HasDetailedDiff = true,
            DeleteBeforeReplace = diff.Replaces.Count > 0 && diff.DeleteBeforeReplace,
        };
        foreach (var (path, change) in diff.Changes)
        {
            response.DetailedDiff[path] = new PropertyDiff { Kind = KindOf(change, diff.Replaces.Contains(path)) };
        }

        response.Diffs.AddRange(diff.Changes.Keys.Select(TopLevel).Distinct());
        response.Replaces.AddRange(diff.Replaces.Select(TopLevel).Distinct());
        return response;
    }

    public override async Task<CreateResponse> Create(CreateRequest request, ServerCallContext context)
    {
        var resource = Guard(() => resources.Find(request.Type, request.Urn));
        var create = new ResourceCreate(request.Urn, ToObject(request.Properties), request.Preview);
        var secrets = SecretText.Of(create.Inputs);
        using var limits = lifetime.Limit(request.Timeout, context);
        try
        {
            var created = await resource.CreateAsync(create, Operation(request.Urn, limits, secrets));
            return new CreateResponse { Id = created.Id, Properties = ToStruct(secrets.Wrap(created.Outputs)) };
        }
        catch (StateUnknown unknown) when (unknown.Id is { Length: > 0 } id)
        {
            // A lost outcome of a create still records the resource, so what it adopted or made is kept.
            throw FailureStatus.CreateUnknown(id, unknown, Prefix(limits), secrets);
        }
        catch (Exception error)
        {
            throw FailureStatus.From(error, Prefix(limits), secrets);
        }
        finally
        {
            AllocationBudget.AfterOperation();
        }
    }

    // Each request's values are converted once: the same objects serve the resource and the secrets (a set's state is large).
    public override Task<ReadResponse> Read(ReadRequest request, ServerCallContext context)
    {
        var read = new ResourceRead(request.Urn, request.Id, ToObject(request.Properties), ToObject(request.Inputs));
        return Bounded(request.Type, request.Urn, request.Timeout, context, SecretText.Of(read.Properties, read.Inputs), async (resource, operation, secrets) =>
        {
            var result = await resource.ReadAsync(read, operation);
            return new ReadResponse { Id = result.Id, Properties = ToStruct(secrets.Wrap(result.Outputs)), Inputs = ToStruct(secrets.Wrap(result.Inputs)) };
        });
    }

    public override Task<UpdateResponse> Update(UpdateRequest request, ServerCallContext context)
    {
        var update = new ResourceUpdate(request.Urn, request.Id, ToObject(request.Olds), ToObject(request.News), ToObject(request.OldInputs), request.Preview);
        return Bounded(request.Type, request.Urn, request.Timeout, context, SecretText.Of(update.OldOutputs, update.NewInputs, update.OldInputs),
            async (resource, operation, secrets) => new UpdateResponse { Properties = ToStruct(secrets.Wrap(await resource.UpdateAsync(update, operation))) });
    }

    public override Task<Empty> Delete(DeleteRequest request, ServerCallContext context)
    {
        var delete = new ResourceDelete(request.Urn, request.Id, ToObject(request.Properties), ToObject(request.OldInputs));
        return Bounded(request.Type, request.Urn, request.Timeout, context, SecretText.Of(delete.Properties, delete.OldInputs), async (resource, operation, _) =>
        {
            await resource.DeleteAsync(delete, operation);
            return new Empty();
        });
    }

    public override Task<Empty> Cancel(Empty request, ServerCallContext context)
    {
        lifetime.CancelAll();
        return Task.FromResult(new Empty());
    }

    public override Task<Empty> Attach(PluginAttach request, ServerCallContext context)
    {
        log.UseAddress(request.Address);
        return Task.FromResult(new Empty());
    }

    /// <summary>Runs one operation within the engine's timeout, Cancel and the call's own cancellation, mapping failures to statuses.</summary>
    private async Task<T> Bounded<T>(
        string type, string urn, double timeoutSeconds, ServerCallContext context, SecretText secrets, Func<IResource, Operation, SecretText, Task<T>> operation)
    {
        var resource = Guard(() => resources.Find(type, urn));
        using var limits = lifetime.Limit(timeoutSeconds, context);
        try
        {
            return await operation(resource, Operation(urn, limits, secrets), secrets);
        }
        catch (Exception error)
        {
            throw FailureStatus.From(error, Prefix(limits), secrets);
        }
        finally
        {
            AllocationBudget.AfterOperation();
        }
    }

    /// <summary>The operation's status lines and notes reach the engine with the request's secrets cut out.</summary>
    private Operation Operation(string urn, OperationLimits limits, SecretText secrets) =>
        new(limits.Token, message => log.StatusAsync(urn, secrets.Redact(message)), message => log.InfoAsync(urn, secrets.Redact(message)));

    private static T Guard<T>(Func<T> step, SecretText? secrets = null)
    {
        try
        {
            return step();
        }
        catch (Exception error)
        {
            throw FailureStatus.From(error, "", secrets);
        }
    }

    private static string TopLevel(string path) => path.Split('.')[0].Split('[')[0];

    private static string Prefix(OperationLimits limits) =>
        limits.Token.IsCancellationRequested ? $"Stopped because {limits.Why}. " : "";

    private static Pulumirpc.CheckFailure ToProto(Lifecycle.CheckFailure failure) =>
        new() { Property = failure.Property, Reason = failure.Reason };

    private static PropertyDiff.Types.Kind KindOf(PropertyChange change, bool replaces) => (change, replaces) switch
    {
        (PropertyChange.Add, false) => PropertyDiff.Types.Kind.Add,
        (PropertyChange.Add, true) => PropertyDiff.Types.Kind.AddReplace,
        (PropertyChange.Delete, false) => PropertyDiff.Types.Kind.Delete,
        (PropertyChange.Delete, true) => PropertyDiff.Types.Kind.DeleteReplace,
        (_, false) => PropertyDiff.Types.Kind.Update,
        (_, true) => PropertyDiff.Types.Kind.UpdateReplace,
    };
}
