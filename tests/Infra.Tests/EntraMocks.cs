using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Pulumi.EntraDevices;
using Pulumi.Testing;

namespace Infra.Tests;

/// <summary>
/// Stands in for the engine and the providers: records every resource the program registers and answers
/// with plausible outputs (inputs echoed, object ids derived from resource names, the provider's fixed ids).
/// </summary>
internal sealed class EntraMocks : IMocks
{
    public const string GroupType = "azuread:index/group:Group";
    public const string DirectoryRoleType = "azuread:index/directoryRole:DirectoryRole";
    public const string ServicePrincipalType = "azuread:index/servicePrincipal:ServicePrincipal";
    public const string GetGroupToken = "azuread:index/getGroup:getGroup";
    public const string GetServicePrincipalToken = "azuread:index/getServicePrincipal:getServicePrincipal";
    public const string DirectoryRoleAssignmentType = "azuread:index/directoryRoleAssignment:DirectoryRoleAssignment";
    public const string PolicyId = "deviceRegistrationPolicy";
    public const string BitLockerId = "authorizationPolicy";
    public const string EnrollmentId = "0000000a-0000-0000-c000-000000000000";

    /// <summary>The tenant's settings before the stack: what the mocked provider reports as <c>originalSettings</c>.</summary>
    public static readonly ImmutableDictionary<string, object?> OriginalSettings = Tree.Object(
        ("userDeviceQuota", 50.0),
        ("multiFactorAuthConfiguration", "notRequired"),
        ("azureADJoin", Tree.Object(
            ("allowedToJoin", Tree.Object(("scope", "all"))),
            ("localAdmins", Tree.Object(
                ("enableGlobalAdmins", true),
                ("registeringUsers", Tree.Object(("scope", "all"))))),
            ("isAdminConfigurable", true))),
        ("azureADRegistration", Tree.Object(
            ("allowedToRegister", Tree.Object(("scope", "all"))),
            ("isAdminConfigurable", false))),
        ("localAdminPassword", Tree.Object(("isEnabled", false))));

    private readonly List<MockResourceArgs> _registrations = [];
    private readonly List<MockRegisterResourceOutputsRequest> _registeredOutputs = [];

    /// <summary>Every resource registration, in order.</summary>
    public IReadOnlyList<MockResourceArgs> Registrations
    {
        get
        {
            lock (_registrations)
            {
                return [.. _registrations];
            }
        }
    }

    /// <summary>Every set of component outputs registered (serialized, then read back as the engine would).</summary>
    public IReadOnlyList<MockRegisterResourceOutputsRequest> RegisteredOutputs
    {
        get
        {
            lock (_registeredOutputs)
            {
                return [.. _registeredOutputs];
            }
        }
    }

    /// <summary>The (GUID) object id the mocks give the Entra object behind a resource name.</summary>
    public static string ObjectIdOf(string resourceName)
        => new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(resourceName)).AsSpan(0, 16)).ToString("D");

    public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        lock (_registrations)
        {
            _registrations.Add(args);
        }

        var name = args.Name ?? "";
        var state = args.Inputs.ToBuilder();
        string id;
        switch (args.Type)
        {
            case GroupType:
            case DirectoryRoleType:
            case ServicePrincipalType:
                id = ObjectIdOf(name);
                state["objectId"] = id;
                break;
            case DeviceRegistrationPolicy.TypeToken:
                id = PolicyId;
                state = EffectivePolicy(args.Inputs).ToBuilder();
                break;
            case BitLockerKeyRecoveryRestriction.TypeToken:
                id = BitLockerId;
                state["originalValue"] = false;
                state.TryAdd("restrictOwnersFromReadingKeys", false);
                break;
            case AutomaticIntuneEnrollment.TypeToken:
                id = EnrollmentId;
                break;
            case AutopilotDevices.TypeToken:
                // As an up leaves a large import: its devices, none failed, finished import records left for later runs.
                id = ObjectIdOf(name);
                state["deviceCount"] = 3;
                state["failed"] = ImmutableDictionary<string, object>.Empty.Add("SN-9", "StorageError");
                state["leftImportRecords"] = ImmutableDictionary<string, object>.Empty.Add("import-1", 5);
                break;
            default:
                id = ObjectIdOf(name);
                break;
        }

        return Task.FromResult<(string? id, object state)>((id, state.ToImmutable()));
    }

    public Task RegisterResourceOutputs(MockRegisterResourceOutputsRequest args)
    {
        lock (_registeredOutputs)
        {
            _registeredOutputs.Add(args);
        }

        return Task.CompletedTask;
    }

    /// <summary>What the data sources the program reads answer, by function token (an existing device group, a service principal).</summary>
    public Dictionary<string, ImmutableDictionary<string, object>> Invokes { get; } = [];

    /// <summary>Every data source call, in order.</summary>
    public List<MockCallArgs> Calls { get; } = [];

    public Task<object> CallAsync(MockCallArgs args)
    {
        lock (Calls)
        {
            Calls.Add(args);
        }

        return Task.FromResult<object>(Invokes.TryGetValue(args.Token ?? "", out var answer) ? answer : ImmutableDictionary<string, object>.Empty);
    }

    /// <summary>What the provider reports: the original settings overlaid with what the stack declared.</summary>
    private static ImmutableDictionary<string, object> EffectivePolicy(ImmutableDictionary<string, object> inputs)
    {
        var declared = inputs.Remove("onDestroy").ToImmutableDictionary(pair => pair.Key, pair => (object?)pair.Value);
        var effective = Tree.Overlay(OriginalSettings, declared).ToBuilder();
        effective["originalSettings"] = OriginalSettings;
        if (inputs.TryGetValue("onDestroy", out var onDestroy))
        {
            effective["onDestroy"] = onDestroy;
        }

        return effective.ToImmutableDictionary(pair => pair.Key, pair => pair.Value!);
    }
}
