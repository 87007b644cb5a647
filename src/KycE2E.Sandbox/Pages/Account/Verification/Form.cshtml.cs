using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc.RazorPages;
using KycE2E.Sandbox.Api;
using KycE2E.Sandbox.Auth;

namespace KycE2E.Sandbox.Pages.Account.Verification;

public sealed class FormModel(VerificationViews views) : PageModel
{
    public VerificationView View { get; private set; } = null!;

    /// <summary>One key per visit of the form: a double submit of it records one attempt.</summary>
    public string IdempotencyKey { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public void OnGet()
    {
        View = views.ForClient(User.UserId());
    }
}
