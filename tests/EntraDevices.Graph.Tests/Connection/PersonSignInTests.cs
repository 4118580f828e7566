using EntraDevices.Graph.Connection;
using EntraDevices.Graph.DeviceRegistrationPolicy;
using EntraDevices.GraphEmulator;
using EmulatorHost = EntraDevices.GraphEmulator.GraphEmulator;

namespace EntraDevices.Graph.Tests.Connection;

/// <summary>
/// A person signs in with a device code against the team's app registration, through Azure.Identity, against the
/// emulator's sign-in endpoints (https, as the sign-in library requires); Graph is a second, plain emulator.
/// </summary>
public sealed class PersonSignInTests : IAsyncLifetime
{
    private readonly string _records = Directory.CreateTempSubdirectory("entradevices-signin-").FullName;
    private readonly string _tenant = Guid.NewGuid().ToString();
    private readonly string _client = Guid.NewGuid().ToString();
    private readonly List<string> _prompts = [];
    private EmulatorHost _signIn = null!;
    private EmulatorHost _graph = null!;

    public async Task InitializeAsync()
    {
        _signIn = await EmulatorHost.StartAsync(new EmulatorOptions { Https = true, DeviceCodePendingPolls = 1 });
        _graph = await EmulatorHost.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _signIn.DisposeAsync();
        await _graph.DisposeAsync();
        Directory.Delete(_records, recursive: true);
    }

    private SignInHooks Hooks() => new()
    {
        Prompt = (message, _) =>
        {
            lock (_prompts)
            {
                _prompts.Add(message);
            }

            return Task.CompletedTask;
        },
        RecordFolder = _records,
        Transport = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == _signIn.Certificate!.Thumbprint,
        },
    };

    private DeviceRegistrationPolicyClient Client() => new(GraphConnection.Open(
        new ConnectionSettings { SignIn = "deviceCode", TenantId = _tenant, ClientId = _client, AuthorityHost = _signIn.BaseUrl, GraphEndpoint = _graph.BaseUrl },
        new GraphTuning { RetryDelay = TimeSpan.Zero }, Hooks()));

    [Fact]
    public async Task The_person_is_asked_once_and_the_token_carries_the_delegated_permissions()
    {
        var policy = await Client().GetAsync(CancellationToken.None);

        Assert.Equal(2, policy.UserDeviceQuota);
        var prompt = Assert.Single(_prompts);
        Assert.Contains("https://microsoft.com/devicelogin", prompt);
        Assert.Contains("devicecode", _signIn.SignInRequests);
        Assert.True(_graph.Requests.Single().HadBearerToken);
    }

    [Fact]
    public async Task A_second_plugin_process_signs_in_silently_from_the_cache_and_the_record()
    {
        await Client().GetAsync(CancellationToken.None);
        var signInsBefore = _signIn.SignInRequests.Count;

        // A new connection is what the next plugin process of the same pulumi up builds.
        await Client().GetAsync(CancellationToken.None);

        // Silent: at most a refresh-token grant, never a new device code for the person.
        Assert.Single(_prompts);
        Assert.All(_signIn.SignInRequests.Skip(signInsBefore), request => Assert.Equal("token:refresh_token", request));
        Assert.Single(Directory.GetFiles(_records, "*.authrecord.json"));
    }

    [Fact]
    public async Task The_token_cache_is_the_one_file_the_readme_names_under_the_local_application_data_folder()
    {
        await Client().GetAsync(CancellationToken.None);

        // README, "Signing out": <local application data>/.IdentityService/entradevices-<tenant>-<client>.cae. This
        // assembly's local application data folder is a temporary home (TemporaryHome), never the runner's or the checkout.
        var localData = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        Assert.StartsWith(TemporaryHome.Folder, localData, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(localData, ".IdentityService", $"entradevices-{_tenant}-{_client}.cae")));
        Assert.False(Directory.Exists(Path.Combine(Environment.CurrentDirectory, ".IdentityService")));
    }

    [Theory]
    [InlineData("")]
    [InlineData(".local/share")]
    public void Without_a_home_the_sign_in_is_refused_rather_than_kept_in_the_working_directory(string folder)
    {
        var error = Assert.Throws<ConnectionSettingsException>(() => PersonSignIn.LocalDataFolder(folder));

        Assert.Contains("HOME", error.Message);
        var absolute = Path.Combine(Path.GetTempPath(), "home", ".local", "share");
        Assert.Equal(absolute, PersonSignIn.LocalDataFolder(absolute));
    }

    [Fact]
    public void Device_code_sign_in_needs_the_tenant_and_the_app_registration()
    {
        var error = Assert.Throws<ConnectionSettingsException>(() => GraphConnection.Open(
            new ConnectionSettings { SignIn = "deviceCode", GraphEndpoint = _graph.BaseUrl }, signIn: Hooks()));

        Assert.Contains("tenantId (ARM_TENANT_ID)", error.Message);
        Assert.Contains("clientId (ARM_CLIENT_ID)", error.Message);
    }

    [Fact]
    public void An_unknown_sign_in_kind_is_refused_with_what_is_accepted()
    {
        var error = Assert.Throws<ConnectionSettingsException>(() => GraphConnection.Open(
            new ConnectionSettings { SignIn = "browser", TenantId = _tenant, ClientId = _client, GraphEndpoint = _graph.BaseUrl }));

        Assert.Contains("accepted values: deviceCode", error.Message);
    }
}
