using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using KycE2E.Sandbox.Auth;
using KycE2E.Sandbox.Data;
using KycE2E.Sandbox.Domain;
using KycE2E.Sandbox.Hosting;
using KycE2E.Sandbox.Texts;
using KycE2E.Sandbox.Verification;

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

/// <summary>A case as clients see it: what to show, whether retry is offered, what to pre-fill, and the user's sandbox date.</summary>
public sealed record VerificationView(
    string Status,
    IReadOnlyList<string> Reasons,
    string? RejectType,
    string? ModerationComment,
    int AttemptsUsed,
    int AttemptsLeft,
    DateTimeOffset? LockedUntil,
    bool CanRetry,
    bool CanStart,
    DateTimeOffset? PendingSince,
    DateTimeOffset? ExpectedReviewBy,
    bool PendingTooLong,
    IReadOnlyList<string> HighlightFields,
    PrefillView? Prefill,
    DateOnly Today)
{
    /// <param name="defects">The deliberate defects of the clients' view (none for the test-data API, which reports the truth).</param>
    public static VerificationView Of(VerificationCase c, Attempt? last, DateTimeOffset now, SandboxDefects? defects = null)
    {
        defects ??= SandboxDefects.None;
        var locked = defects.Has("lock-lifts-a-minute-early") ? c.IsLocked(now + TimeSpan.FromMinutes(1)) : c.IsLocked(now);
        var canRetry = defects.Has("lock-lifts-a-minute-early") ? c.Status == VerificationStatus.Rejected && c.RejectType == Domain.RejectType.Retry && !locked
            : defects.Has("final-shown-as-retry")
            ? c.Status == VerificationStatus.Rejected && !c.IsLocked(now)
            : c.CanRetry(now);
        var pendingTooLong = defects.Has("pending-too-long-never-shown")
            ? c.Status == VerificationStatus.Pending && c.PendingSince is { } since && (now - since).TotalDays > VerificationCase.PendingTooLong.TotalHours
            : defects.Has("pending-too-long-an-hour-early") ? c.IsPendingTooLong(now + TimeSpan.FromHours(1)) : c.IsPendingTooLong(now);
        Func<string, string?> fieldOf = defects.Has("highlight-points-at-wrong-field") ? HighlightedFieldBefore : ReasonCode.FieldOf;
        // ATTEMPTS_EXCEEDED explains the lock; once it has lifted it is no longer a reason the user has to act on.
        IReadOnlyList<string> reasons = locked || defects.Has("expired-lock-keeps-its-reason") ? c.Reasons : [.. c.Reasons.Where(r => r != ReasonCode.AttemptsExceeded)];
        return new(
            c.Status,
            reasons,
            c.RejectType,
            c.ModerationComment,
            c.AttemptsUsed,
            c.AttemptsLeft,
            locked ? c.LockedUntil : null,
            canRetry,
            canRetry || (c.Status == VerificationStatus.NotStarted && !c.IsLocked(now)),
            c.PendingSince,
            c.Status == VerificationStatus.Pending && last is not null ? last.DueAt : null,
            pendingTooLong,
            c.Status == VerificationStatus.Rejected ? [.. reasons.Select(fieldOf).OfType<string>().Distinct()] : [],
            PrefillView.Of(last?.Details),
            FormValidation.Today(now)); // the app checks the date of birth against the date the server checks it against
    }

    /// <summary>An older mapping of reasons to fields, with the name and the number the wrong way round.</summary>
    private static string? HighlightedFieldBefore(string code) => code switch
    {
        ReasonCode.NameMismatch => FormField.DocumentNumber,
        ReasonCode.IdNumberMismatch => FormField.FullName,
        _ => ReasonCode.FieldOf(code),
    };
}

/// <summary>The last attempt's details, for the retry form; never its photos.</summary>
public sealed record PrefillView(string Region, string DocumentType, string FullName, string DocumentNumber, DateOnly DateOfBirth)
{
    public static PrefillView? Of(AttemptDetails? d) => d is null ? null : new(d.Region, d.DocumentType, d.FullName, d.DocumentNumber, d.DateOfBirth);
}

public sealed record AttemptView(
    string AttemptId,
    int Number,
    DateTimeOffset SubmittedAt,
    string Status,
    IReadOnlyList<string> Reasons,
    string? RejectType,
    DateTimeOffset? ReviewedAt,
    PrefillView? Details,
    bool HasFrontImage,
    bool HasBackImage)
{
    public static AttemptView Of(Attempt a) => new(
        a.Id, a.Number, a.SubmittedAt, a.Status, a.Reasons, a.RejectType, a.ReviewedAt,
        PrefillView.Of(a.Details),
        a.FrontImage is not null, a.BackImage is not null);
}
