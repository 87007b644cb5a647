using KycE2E.Sandbox.Auth;
using KycE2E.Sandbox.Data;
using KycE2E.Sandbox.Domain;
using KycE2E.Sandbox.Texts;

namespace KycE2E.Sandbox.Api;

/// <summary>/api/v1: what the mobile app uses, with a bearer token.</summary>
public static class PublicApi
{
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(12);

    public sealed record LoginRequest(string? Email, string? Password);

    public static void MapPublicApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1");

        api.MapPost("/auth/login", (LoginRequest body, UserStore users) =>
        {
            if (string.IsNullOrWhiteSpace(body.Email) || string.IsNullOrEmpty(body.Password))
            {
                return Results.Problem(statusCode: 400, title: "email and password are required");
            }

            var user = users.FindByCredentials(body.Email, body.Password);
            return user is null
                ? Results.Problem(statusCode: 401, title: "email or password is incorrect")
                : Results.Ok(new { token = users.IssueToken(user.Id, TokenLifetime), userId = user.Id, locale = user.Locale });
        });

        api.MapGet("/texts/{locale}", (string locale, TextCatalog texts) =>
            TextCatalog.Normalize(locale) is { Length: > 0 } l
                ? Results.Ok(texts.All(l))
                : Results.Problem(statusCode: 404, title: $"no texts for '{locale}'; use one of {string.Join(", ", TextCatalog.Locales)}"));

        var me = api.MapGroup("").RequireAuthorization(BearerTokenHandler.SchemeName);

        me.MapGet("/me", (HttpContext http, UserStore users) =>
            users.Find(http.User.UserId()) is { } u
                ? Results.Ok(new { userId = u.Id, email = u.Email, locale = u.Locale, region = u.Region })
                : Results.NotFound());

        me.MapGet("/verification", (HttpContext http, VerificationStore cases, TimeProvider clock) =>
            Results.Ok(VerificationView.Of(cases.For(http.User.UserId()), clock.GetUtcNow())));
    }
}

/// <summary>A case as clients see it: what to show, and whether retry is offered.</summary>
public sealed record VerificationView(
    string Status,
    IReadOnlyList<string> Reasons,
    string? RejectType,
    string? ModerationComment,
    int AttemptsUsed,
    int AttemptsLeft,
    DateTimeOffset? LockedUntil,
    bool CanRetry)
{
    public static VerificationView Of(VerificationCase c, DateTimeOffset now) => new(
        c.Status, c.Reasons, c.RejectType, c.ModerationComment, c.AttemptsUsed, c.AttemptsLeft,
        c.IsLocked(now) ? c.LockedUntil : null, c.CanRetry(now));
}
