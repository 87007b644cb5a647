using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc.RazorPages;
using KycE2E.Sandbox.Api;
using KycE2E.Sandbox.Auth;
using KycE2E.Sandbox.Data;

namespace KycE2E.Sandbox.Pages.Account.Verification;

public sealed class FormModel(VerificationStore cases, KycE2E.Sandbox.Hosting.UserClock clock, KycE2E.Sandbox.Hosting.SandboxDefects defects) : PageModel
{
    public VerificationView View { get; private set; } = null!;

    /// <summary>One key per visit of the form: a double submit of it records one attempt.</summary>
    public string IdempotencyKey { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));


    public void OnGet()
    {
        var userId = User.UserId();
        View = VerificationView.Of(cases.For(userId), cases.LastAttemptWithDetails(userId), clock.Now(userId), defects);
    }
}
