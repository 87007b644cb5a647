using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using KycE2E.Sandbox.Api;
using KycE2E.Sandbox.Auth;

namespace KycE2E.Sandbox.Pages.Account.Verification;

public sealed class StatusModel(VerificationViews views) : PageModel
{
    public VerificationView View { get; private set; } = null!;

    public void OnGet()
    {
        View = views.ForClient(User.UserId());
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
