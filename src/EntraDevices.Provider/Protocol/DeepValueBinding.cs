using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Pulumirpc;

namespace EntraDevices.Provider.Protocol;

/// <summary>
/// Binds the ResourceProvider service like Grpc.AspNetCore's own binder, but parses requests with a deeper
/// recursion limit than protobuf's default of 100 message levels (about 33 levels of nested Pulumi values), so
/// deeply nested inputs reach Check and get a failure that names the property instead of gRPC's UNKNOWN.
/// </summary>
internal sealed class DeepValueBinding(ResourceProviderService service) : IServiceMethodProvider<ResourceProviderService>
{
    /// <summary>Protobuf message levels, three per nested Pulumi value (Value, Struct, map entry); Go's engine allows 10,000.</summary>
    public const int RecursionLimit = 1000;

    private static readonly Dictionary<Type, MessageParser> Parsers = ProviderReflection.Descriptor.MessageTypes
        .Concat(PluginReflection.Descriptor.MessageTypes)
        .ToDictionary(message => message.ClrType, message => message.Parser);

    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<ResourceProviderService> context) =>
        ResourceProvider.BindService(new Binder(context), service);

    private sealed class Binder(ServiceMethodProviderContext<ResourceProviderService> context) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
        {
            ArgumentNullException.ThrowIfNull(handler);
            var deep = Parsers.TryGetValue(typeof(TRequest), out var parser)
                ? new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name,
                    new Marshaller<TRequest>(method.RequestMarshaller.ContextualSerializer, payload => Parse<TRequest>(parser, payload)),
                    method.ResponseMarshaller)
                : method;
            // The one service instance is a singleton; the per-call instance Grpc.AspNetCore passes is that same one.
            context.AddUnaryMethod(deep, [], (_, request, call) => handler(request, call));
        }
    }

    private static T Parse<T>(MessageParser parser, DeserializationContext payload)
    {
        try
        {
            return (T)parser.ParseFrom(CodedInputStream.CreateWithLimits(new MemoryStream(payload.PayloadAsNewBuffer()), int.MaxValue, RecursionLimit));
        }
        catch (InvalidProtocolBufferException error)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument,
                $"The request could not be read ({error.Message.TrimEnd('.')}); values nested more than {RecursionLimit / 3} levels deep are not accepted."));
        }
    }
}
