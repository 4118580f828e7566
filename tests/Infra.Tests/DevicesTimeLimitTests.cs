using System.Text.RegularExpressions;

namespace Infra.Tests;

/// <summary>
/// The Autopilot devices stop at their own time limit well before the deploy job is killed (issue #25), so a long
/// import ends with its pending devices recorded instead of a job killed with nothing written.
/// </summary>
public sealed class DevicesTimeLimitTests
{
    [Fact]
    public void The_devices_time_limit_ends_ten_minutes_or_more_before_every_deploy_job_is_killed()
    {
        var deploy = File.ReadAllText(Path.Combine(RepositoryRoot.FullPath, ".github", "workflows", "deploy.yml"));
        var upJobs = Regex.Matches(deploy, @"name: pulumi up \((?<stack>\w+)\)\s+needs: \w+\s+runs-on: [^\n]+\s+timeout-minutes: (?<minutes>\d+)");

        Assert.Equal(["dev", "prod"], upJobs.Select(m => m.Groups["stack"].Value));
        Assert.All(upJobs, job => Assert.True(DeviceSettingsProgram.DevicesTimeLimit + TimeSpan.FromMinutes(10) <= TimeSpan.FromMinutes(int.Parse(job.Groups["minutes"].Value)),
            $"the {job.Groups["stack"].Value} job is killed at {job.Groups["minutes"].Value} minutes"));
    }
}
