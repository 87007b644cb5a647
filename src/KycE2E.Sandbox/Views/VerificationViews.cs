using KycE2E.Sandbox.Clock;
using KycE2E.Sandbox.Data;
using KycE2E.Sandbox.Defects;

namespace KycE2E.Sandbox.Views;

/// <summary>A user's case as of her own clock, with the last details to pre-fill: the one way every client and API builds it.</summary>
public sealed class VerificationViews(VerificationStore cases, UserClock clock, SandboxDefects defects)
{
    /// <summary>What the portal and the app show (deliberate defects of the clients' view apply).</summary>
    public VerificationView ForClient(string userId) => Of(userId, defects);

    /// <summary>What the test-data API reports: the truth, whatever defect is switched on.</summary>
    public VerificationView Truth(string userId) => Of(userId, SandboxDefects.None);

    private VerificationView Of(string userId, SandboxDefects shown) =>
        VerificationView.Of(cases.For(userId), cases.LastAttemptWithDetails(userId), clock.Now(userId), shown);
}
