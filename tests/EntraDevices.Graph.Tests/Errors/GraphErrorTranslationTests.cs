using Azure.Identity;
using EntraDevices.Graph.DeviceRegistrationPolicy;

namespace EntraDevices.Graph.Tests.Errors;

public class GraphErrorTranslationTests
{
    private static readonly GraphOperation Put = DeviceRegistrationPolicyClient.Replace;
    private static readonly GraphErrorTranslation Translation = new(Redaction.None, TimeSpan.FromSeconds(120));

    [Fact]
    public void A_failed_sign_in_is_a_refusal_not_an_unknown_outcome()
    {
        var error = Translation.Translate(Put, new AuthenticationFailedException("AADSTS700016: application not found"), CancellationToken.None);

        Assert.Equal(GraphFailureKind.Rejected, error.Kind);
        Assert.False(error.OutcomeUnknown);
        Assert.Contains("Signing in to Microsoft Graph failed", error.Message);
        Assert.Contains("AADSTS700016", error.Message);
    }

    [Fact]
    public void A_connection_failure_is_an_unknown_outcome_for_a_write()
    {
        var error = Translation.Translate(Put, new HttpRequestException("Connection reset by peer"), CancellationToken.None);

        Assert.Equal(GraphFailureKind.NoAnswer, error.Kind);
        Assert.True(error.OutcomeUnknown);
        Assert.Contains("PUT /policies/deviceRegistrationPolicy", error.Message);
    }

    [Fact]
    public void Cancellation_by_the_caller_is_reported_as_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var error = Translation.Translate(Put, new TaskCanceledException(), cancelled.Token);

        Assert.Equal(GraphFailureKind.Cancelled, error.Kind);
    }
}
