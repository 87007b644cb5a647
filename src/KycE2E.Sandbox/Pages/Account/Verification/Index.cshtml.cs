using Microsoft.AspNetCore.Mvc.RazorPages;
using KycE2E.Sandbox.Auth;
using KycE2E.Sandbox.Views;

namespace KycE2E.Sandbox.Pages.Account.Verification;

public sealed class StatusModel(VerificationViews views) : PageModel
{
    public VerificationView View { get; private set; } = null!;

    public void OnGet()
    {
        View = views.ForClient(User.UserId());
    }
}
