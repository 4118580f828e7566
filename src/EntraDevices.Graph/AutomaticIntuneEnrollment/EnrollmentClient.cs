using EntraDevices.Graph.Connection;

namespace EntraDevices.Graph.AutomaticIntuneEnrollment;

/// <summary>
/// Reads and changes both mobility policies of one MDM application. Graph offers no application permission for them,
/// so an app-only connection is refused before any Graph call; a change made of several writes that stops part-way
/// says so (<see cref="PartlyAppliedException"/>), because the writes before it were applied.
/// </summary>
public sealed class EnrollmentClient(GraphConnection connection, string appId)
{
    /// <summary>The Microsoft Intune application, whose id is also its mobility policies' id.</summary>
    public const string IntuneAppId = "0000000a-0000-0000-c000-000000000000";

    private static readonly MobilityKind[] Kinds = [MobilityKind.Mdm, MobilityKind.Mam];

    private MobilityPolicyClient Client(MobilityKind kind) => new(connection, kind, appId);

    public async Task<AutomaticEnrollment> GetAsync(CancellationToken cancellationToken)
    {
        await RequirePersonAsync(cancellationToken);
        return new AutomaticEnrollment(
            await Client(MobilityKind.Mdm).GetAsync(cancellationToken),
            await Client(MobilityKind.Mam).GetAsync(cancellationToken));
    }

    /// <summary>Sends only the difference, MDM first, and reads back each policy it changed.</summary>
    public async Task<AutomaticEnrollment> ApplyAsync(AutomaticEnrollment live, AutomaticEnrollment desired, CancellationToken cancellationToken)
    {
        await RequirePersonAsync(cancellationToken);
        var total = Kinds.Sum(kind => MobilityPlan.Steps(live[kind], desired[kind]).Count);
        var applied = 0;
        var result = live;
        foreach (var kind in Kinds.Where(kind => MobilityPlan.Steps(live[kind], desired[kind]).Count > 0))
        {
            try
            {
                result = result.With(kind, await Client(kind).ApplyAsync(live[kind], desired[kind], () => applied++, cancellationToken));
            }
            catch (GraphRequestException error) when (!error.OutcomeUnknown && applied > 0)
            {
                throw new PartlyAppliedException(
                    $"{error.Message.TrimEnd('.')}; {applied} of the {total} changes before it had been made.", error);
            }
        }

        return result;
    }

    private async Task RequirePersonAsync(CancellationToken cancellationToken)
    {
        if (await connection.SignedInAsAsync(cancellationToken) == SignedInAs.Application)
        {
            throw new PersonRequiredException(
                "Graph lets only a signed-in person read or change automatic Intune enrollment (the MDM and MAM user scopes): "
                + $"it has no application permission for them, and this run signs in as an application, with {connection.SignedInWith}. "
                + "Sign in as a person with at least the Cloud Device Administrator role (signIn: deviceCode, or ENTRADEVICES_SIGN_IN=deviceCode, "
                + "with tenantId and clientId), or leave AutomaticIntuneEnrollment out of app-only runs with --exclude "
                + "(docs/deploying-from-github-actions.md). No Graph call was made");
        }
    }
}
