using KycE2E.Sandbox.Auth;
using KycE2E.Sandbox.Data;
using KycE2E.Sandbox.Domain;
using KycE2E.Sandbox.Options;
using KycE2E.Sandbox.Texts;
using KycE2E.Sandbox.Verification;
using KycE2E.Sandbox.Views;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace KycE2E.Sandbox.Api;

/// <summary>/api/v1: what the mobile app uses, with a bearer token.</summary>
public static class PublicApi
{
    public sealed record LoginRequest(string? Email, string? Password);

    public static void MapPublicApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("app");

        api.MapPost("/auth/login", (LoginRequest body, HttpContext http, UserStore users, LoginThrottle throttle, IOptions<SandboxOptions> options) =>
        {
            if (string.IsNullOrWhiteSpace(body.Email) || string.IsNullOrEmpty(body.Password))
            {
                return Results.Problem(statusCode: 400, title: "email and password are required");
            }

            if (LoginThrottle.IsTooLong(body.Email))
            {
                return Results.Problem(statusCode: 400, title: $"email is too long: an e-mail address has at most {LoginThrottle.MaxEmailLength} characters");
            }

            var address = http.Connection.RemoteIpAddress;
            if (throttle.RetryAfter(body.Email, address) is { } wait)
            {
                return TooManyFailures(http, wait);
            }

            var user = users.FindByCredentials(body.Email, body.Password);
            if (user is null)
            {
                throttle.Failed(body.Email, address);
                return Results.Problem(statusCode: 401, title: "email or password is incorrect");
            }

            throttle.Succeeded(body.Email);
            var lifetime = TimeSpan.FromMinutes(options.Value.TokenLifetimeMinutes);
            return Results.Ok(new { token = users.IssueToken(user.Id, lifetime), userId = user.Id, locale = user.Locale });
        }).WithMetadata(new RequestSizeLimitAttribute(LoginThrottle.MaxRequestBytes));

        api.MapGet("/texts/{locale}", (string locale, TextCatalog texts) =>
            TextCatalog.Normalize(locale) is { Length: > 0 } l
                ? Results.Ok(texts.All(l))
                : Results.Problem(statusCode: 404, title: $"no texts for '{locale}'; use one of {string.Join(", ", TextCatalog.Locales)}"));

        var me = api.MapGroup("").RequireAuthorization(BearerTokenHandler.SchemeName);

        me.MapPost("/auth/logout", (HttpContext http, UserStore users) =>
        {
            users.RevokeToken(BearerTokenHandler.TokenOf(http.Request)!);
            return Results.NoContent();
        });

        me.MapGet("/me", (HttpContext http, UserStore users) =>
            users.Find(http.User.UserId()) is { } u
                ? Results.Ok(new { userId = u.Id, email = u.Email, locale = u.Locale, region = u.Region })
                : Results.NotFound());

        me.MapGet("/verification", (HttpContext http, VerificationViews views) =>
        {
            var userId = http.User.UserId();
            return Results.Ok(views.ForClient(userId));
        });

        me.MapGet("/verification/attempts", (HttpContext http, VerificationStore cases) =>
            Results.Ok(cases.Attempts(http.User.UserId()).Select(AttemptView.Of)));

        me.MapPost("/verification/attempts", async (HttpContext http, SubmissionService submissions, TextCatalog texts, RequestLocale locale, CancellationToken cancel) =>
        {
            var (form, error) = await SubmissionHttp.ReadAsync(http.Request, cancel);
            if (error is not null)
            {
                return error;
            }

            var outcome = await submissions.SubmitAsync(http.User.UserId(), form!, SubmissionHttp.IdempotencyKey(http.Request), requireBack: false, cancel);
            return SubmissionHttp.ToResult(outcome, texts, locale.For(http));
        }).DisableAntiforgery();
    }

    /// <summary>429 with Retry-After: the login for this e-mail (or from this address) failed too often.</summary>
    public static IResult TooManyFailures(HttpContext http, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Problem(
            statusCode: 429,
            title: $"too many failed logins for this account: try again in {Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))} minute(s)",
            extensions: new Dictionary<string, object?> { ["code"] = "login_rate_limited", ["retryAfterSeconds"] = seconds });
    }
}
