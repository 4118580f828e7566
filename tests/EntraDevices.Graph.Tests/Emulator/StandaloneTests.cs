using System.Diagnostics;
using System.Text.Json.Nodes;

namespace EntraDevices.Graph.Tests.Emulator;

public class StandaloneTests
{
    [Theory]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "--intune" }, true)]
    public async Task Standalone_prints_only_the_base_url_and_stops_when_stdin_closes_if_asked(string[] args, bool intune)
    {
        using var process = Start([.. args, "--until-stdin-closes"]);
        try
        {
            var firstLine = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Matches("^http://127\\.0\\.0\\.1:[0-9]+$", firstLine);
            using (var http = EmulatorTest.CreateClient(firstLine!))
            {
                var state = JsonNode.Parse(await http.GetStringAsync("/_emulator/tenant"))!;
                Assert.Equal(intune, state["intuneEnabled"]!.GetValue<bool>());
            }

            process.StandardInput.Close();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(0, process.ExitCode);
            Assert.Empty(await process.StandardOutput.ReadToEndAsync());
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    [Fact]
    public async Task Without_the_flag_it_keeps_serving_when_stdin_closes_as_a_background_job_does()
    {
        using var process = Start([]);
        try
        {
            var firstLine = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            process.StandardInput.Close();
            await Task.Delay(500);

            using var http = EmulatorTest.CreateClient(firstLine!);
            Assert.NotNull(JsonNode.Parse(await http.GetStringAsync("/_emulator/tenant")));
            Assert.False(process.HasExited);
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task The_token_command_prints_a_token_the_emulator_accepts()
    {
        var (exit, token, status) = await TokenCommandAsync(["token", "Policy.Read.DeviceConfiguration"], "/v1.0/policies/deviceRegistrationPolicy");

        Assert.Equal((0, 200), (exit, status));
        Assert.Equal(Graph.Connection.SignedInAs.Application, Graph.Connection.TokenIdentity.Of(token));
    }

    [Fact]
    public async Task The_person_token_command_prints_a_delegated_token_with_the_roles_named()
    {
        var (exit, token, status) = await TokenCommandAsync(
            ["token", "--person", "--role", "7698a772-787b-4ac8-901f-60d6b08affd2", "Policy.ReadWrite.MobilityManagement"],
            "/beta/policies/mobileDeviceManagementPolicies/0000000a-0000-0000-c000-000000000000");

        Assert.Equal((0, 200), (exit, status));
        Assert.Equal(Graph.Connection.SignedInAs.Person, Graph.Connection.TokenIdentity.Of(token));
    }

    /// <summary>Runs a token command, then calls a fresh emulator with the token it printed.</summary>
    private static async Task<(int Exit, string Token, int Status)> TokenCommandAsync(string[] args, string path)
    {
        using var process = Start(args);
        var token = (await process.StandardOutput.ReadToEndAsync()).Trim();
        await process.WaitForExitAsync();

        await using var emulator = await GraphEmulator.GraphEmulator.StartAsync();
        using var http = EmulatorTest.CreateClient(emulator.BaseUrl);
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var answer = await http.GetAsync(path);
        return (process.ExitCode, token, (int)answer.StatusCode);
    }

    private static Process Start(string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "GraphEmulator.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        // Drain stderr so a chatty emulator can never block on a full pipe.
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return process;
    }
}
