using KycE2E.Sandbox.Auth;
using KycE2E.Sandbox.Texts;
using KycE2E.Sandbox.Verification;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace KycE2E.Sandbox.Api;

/// <summary>The web portal's form submission: the signed-in cookie plus the antiforgery token, answered as the app's API answers.</summary>
public static class PortalEndpoints
{
    public static void MapPortalEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/verification/attempts", async (HttpContext http, IAntiforgery antiforgery, SubmissionService submissions, TextCatalog texts, RequestLocale locale, Defects.SandboxDefects defects, CancellationToken cancel) =>
        {
            try
            {
                await antiforgery.ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                return Results.Problem(statusCode: 400, title: "the form's antiforgery token is missing or wrong: reload the page");
            }

            var (form, error) = await SubmissionHttp.ReadAsync(http.Request, cancel);
            if (error is not null)
            {
                return error;
            }

            var key = SubmissionHttp.IdempotencyKey(http.Request, await http.Request.ReadFormAsync(cancel));
            var outcome = await submissions.SubmitAsync(http.User.UserId(), form!, key, requireBack: !defects.Has("back-side-not-required-on-portal"), cancel);
            return SubmissionHttp.ToResult(outcome, texts, locale.For(http));
        })
        .RequireAuthorization(p => p.AddAuthenticationSchemes(CookieAuthenticationDefaults.AuthenticationScheme).RequireAuthenticatedUser())
        .DisableAntiforgery(); // validated explicitly above, after authentication
    }
}
