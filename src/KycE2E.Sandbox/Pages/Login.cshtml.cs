using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using KycE2E.Sandbox.Auth;
using KycE2E.Sandbox.Data;

namespace KycE2E.Sandbox.Pages;

[RequestSizeLimit(LoginThrottle.MaxRequestBytes)]
public sealed class LoginModel(UserStore users, LoginThrottle throttle) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public bool Failed { get; private set; }

    /// <summary>Whole minutes until a login for this e-mail is allowed again, when failures reached the limit.</summary>
    public int? RetryAfterMinutes { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            Failed = true;
            return Page();
        }

        if (LoginThrottle.IsTooLong(Email))
        {
            Email = null; // not echoed back into the page
            Failed = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var address = HttpContext.Connection.RemoteIpAddress;
        if (throttle.RetryAfter(Email, address) is { } wait)
        {
            RetryAfterMinutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
            Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        var user = users.FindByCredentials(Email, Password);
        if (user is null)
        {
            throttle.Failed(Email, address);
            Failed = true;
            return Page();
        }

        throttle.Succeeded(Email);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            SandboxPrincipal.For(user, CookieAuthenticationDefaults.AuthenticationScheme)).ConfigureAwait(false);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
