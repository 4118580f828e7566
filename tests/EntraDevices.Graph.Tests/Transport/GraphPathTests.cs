using EntraDevices.Graph.Transport;

namespace EntraDevices.Graph.Tests.Transport;

/// <summary>Every id put into a Graph URL is checked for the shape Graph gives and escaped (issue #24, 10).</summary>
public sealed class GraphPathTests
{
    [Theory]
    [InlineData("1b2c3d4e-0000-4000-8000-000000000001")]
    [InlineData("1b2c3d4e-0000-4000-8000-000000000001_9f8e7d6c-0000-4000-8000-000000000002")]
    [InlineData("3c8ef067-8b96-44de-b2ae-557dfa0f97a0_DefaultWindows10EnrollmentCompletionPageConfiguration")]
    public void Ids_of_the_shapes_graph_gives_pass_unchanged(string id) => Assert.Equal(id, GraphPath.Id(id));

    [Theory]
    [InlineData("../windowsAutopilotDeploymentProfiles/1b2c3d4e-0000-4000-8000-000000000001")]
    [InlineData("1b2c3d4e/assignments")]
    [InlineData("1b2c3d4e?$select=id")]
    [InlineData("%2e%2e")]
    [InlineData("a b")]
    [InlineData("")]
    public void Anything_else_is_refused_and_never_sent(string id)
    {
        var error = Assert.Throws<InvalidIdException>(() => GraphPath.Id(id));

        Assert.Contains("accepted: letters, digits", error.Message);
    }

    [Fact]
    public void A_long_id_is_shortened_in_the_message()
    {
        var error = Assert.Throws<InvalidIdException>(() => GraphPath.Id(new string('/', 500)));

        Assert.True(error.Message.Length < 300);
    }
}
