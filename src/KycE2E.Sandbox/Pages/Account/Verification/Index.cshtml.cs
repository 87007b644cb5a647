using Microsoft.AspNetCore.Mvc.RazorPages;
using KycE2E.Sandbox.Auth;
using KycE2E.Sandbox.Data;
using KycE2E.Sandbox.Domain;

namespace KycE2E.Sandbox.Pages.Account.Verification;

public sealed class StatusModel(VerificationStore cases, TimeProvider clock) : PageModel
{
    public VerificationCase Case { get; private set; } = VerificationCase.NotStartedFor("");

    public bool CanRetry { get; private set; }

    public void OnGet()
    {
        Case = cases.For(User.UserId());
        CanRetry = Case.CanRetry(clock.GetUtcNow());
    }
}
