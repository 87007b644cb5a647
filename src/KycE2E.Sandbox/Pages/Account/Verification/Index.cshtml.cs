using KycE2E.Sandbox.Auth;
using KycE2E.Sandbox.Views;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KycE2E.Sandbox.Pages.Account.Verification;

public sealed class StatusModel(VerificationViews views) : PageModel
{
    public VerificationView View { get; private set; } = null!;

    public void OnGet()
    {
        View = views.ForClient(User.UserId());
    }
}
