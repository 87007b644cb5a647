using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using KycE2E.Sandbox.Api;
using KycE2E.Sandbox.Auth;
using KycE2E.Sandbox.Data;

namespace KycE2E.Sandbox.Pages.Account.Verification;

public sealed class StatusModel(VerificationStore cases, KycE2E.Sandbox.Hosting.UserClock clock, KycE2E.Sandbox.Hosting.SandboxDefects defects) : PageModel
{
    public VerificationView View { get; private set; } = null!;

    public void OnGet()
    {
        var userId = User.UserId();
        View = VerificationView.Of(cases.For(userId), cases.LastAttemptWithDetails(userId), clock.Now(userId), defects);
    }

    /// <summary>Times are shown in China Standard Time, where the guide's users are, with the zone named.</summary>
    public string Local(DateTimeOffset t) => PortalTime.Format(t);
}

public static class PortalTime
{
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    public static string Format(DateTimeOffset t) =>
        t.ToOffset(ChinaStandardTime).ToString("yyyy-MM-dd HH:mm 'UTC+8'", CultureInfo.InvariantCulture);
}
