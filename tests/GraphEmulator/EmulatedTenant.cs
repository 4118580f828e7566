using System.Text.Json.Nodes;

namespace EntraDevices.GraphEmulator;

/// <summary>The tenant's stored device settings. Thread-safe; every read hands out a deep clone.</summary>
public sealed class EmulatedTenant
{
    private readonly Lock _gate = new();
    private bool _intuneEnabled;
    private JsonObject _deviceRegistrationPolicy;
    private JsonObject _authorizationPolicy = AuthorizationPolicyDocument.Seed();
    private int _replicaLagReads;

    private readonly Dictionary<string, Documents.DocumentCollection> _collections = new(StringComparer.OrdinalIgnoreCase);

    internal EmulatedTenant(bool intuneEnabled)
    {
        _intuneEnabled = intuneEnabled;
        _deviceRegistrationPolicy = DeviceRegistrationPolicyDocument.Seed(intuneEnabled);
    }

    /// <summary>
    /// The tenant holds an Intune licence; without one every deviceManagement call answers 400 "Request not applicable
    /// to target tenant." (graph-autopilot-journey.md §0).
    /// </summary>
    public bool IntuneLicensed { get; set; } = true;

    /// <summary>How the Autopilot device import behaves (latency, failing devices, the sync's clock).</summary>
    public Modules.AutopilotImport AutopilotImport { get; } = new();

    /// <summary>Refuses a deviceManagement call as Graph does in a tenant without an Intune licence.</summary>
    internal void RequireIntuneLicence()
    {
        if (!IntuneLicensed)
        {
            throw GraphErrorException.BadRequest("Request not applicable to target tenant.");
        }
    }

    /// <summary>Intune (MDM) is configured. Turning it on locks device registration to "all", as the service does.</summary>
    public bool IntuneEnabled
    {
        get
        {
            lock (_gate)
            {
                return _intuneEnabled;
            }
        }
        set
        {
            lock (_gate)
            {
                if (value && !_intuneEnabled)
                {
                    _deviceRegistrationPolicy = DeviceRegistrationPolicyDocument.WithRegistrationLocked(_deviceRegistrationPolicy);
                }

                _intuneEnabled = value;
            }
        }
    }

    /// <summary>The stored deviceRegistrationPolicy, without <c>@odata.context</c>.</summary>
    public JsonObject DeviceRegistrationPolicy
    {
        get
        {
            lock (_gate)
            {
                return _deviceRegistrationPolicy.DeepClone().AsObject();
            }
        }
    }

    /// <summary>Replaces the stored deviceRegistrationPolicy exactly as given (tests seed odd states this way).</summary>
    public void SetDeviceRegistrationPolicy(JsonObject policy)
    {
        var copy = WithoutContext(policy);
        lock (_gate)
        {
            _deviceRegistrationPolicy = copy;
        }
    }

    /// <summary>The stored authorizationPolicy, without <c>@odata.context</c>.</summary>
    public JsonObject AuthorizationPolicy
    {
        get
        {
            lock (_gate)
            {
                return _authorizationPolicy.DeepClone().AsObject();
            }
        }
    }

    public void SetAuthorizationPolicy(JsonObject policy)
    {
        var copy = WithoutContext(policy);
        lock (_gate)
        {
            _authorizationPolicy = copy;
        }
    }

    internal JsonObject PutDeviceRegistrationPolicy(DeviceRegistrationPolicyBody body)
    {
        lock (_gate)
        {
            _deviceRegistrationPolicy = DeviceRegistrationPolicyDocument.Replace(_deviceRegistrationPolicy, body, _intuneEnabled);
            return _deviceRegistrationPolicy.DeepClone().AsObject();
        }
    }

    internal void PatchAuthorizationPolicy(JsonObject patch)
    {
        lock (_gate)
        {
            _authorizationPolicy = AuthorizationPolicyDocument.Merge(_authorizationPolicy, patch);
        }
    }

    private static JsonObject WithoutContext(JsonObject policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var copy = policy.DeepClone().AsObject();
        copy.Remove("@odata.context");
        return copy;
    }

    /// <summary>Items per page of a collection GET (Graph pages Intune lists at about 1,000).</summary>
    public int PageSize { get; set; } = 1000;

    /// <summary>How many reads miss a new object after its create, in every collection (replica lag).</summary>
    public int ReplicaLagReads
    {
        get
        {
            lock (_gate)
            {
                return _replicaLagReads;
            }
        }
        set
        {
            lock (_gate)
            {
                _replicaLagReads = value;
                foreach (var collection in _collections.Values)
                {
                    collection.ReplicaLagReads = value;
                }
            }
        }
    }

    /// <summary>Intune's write limits for the enrollment class; replace it to test throttling with smaller numbers.</summary>
    public Documents.Throttle WriteThrottle { get; set; } = Documents.Throttle.IntuneEnrollment();

    /// <summary>A collection of objects by its Graph path, made on first use; each module keeps its own.</summary>
    public Documents.DocumentCollection Collection(string path)
    {
        lock (_gate)
        {
            if (!_collections.TryGetValue(path, out var collection))
            {
                collection = new Documents.DocumentCollection(() => Guid.NewGuid().ToString()) { ReplicaLagReads = _replicaLagReads };
                _collections[path] = collection;
            }

            return collection;
        }
    }

    /// <summary>Counts a write against <see cref="WriteThrottle"/>, or throws Graph's 429 with Retry-After.</summary>
    internal void AdmitWrite(string app)
    {
        if (WriteThrottle.Admit(app) is { } seconds)
        {
            throw GraphErrorException.TooManyRequests(seconds);
        }
    }
}
