using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using KycE2E.Sandbox.Clock;
using KycE2E.Sandbox.Data;
using KycE2E.Sandbox.Defects;
using KycE2E.Sandbox.Domain;
using KycE2E.Sandbox.Options;
using KycE2E.Sandbox.Texts;
using KycE2E.Sandbox.Verification;
using KycE2E.Sandbox.Views;
using Microsoft.Extensions.Options;

namespace KycE2E.Sandbox.TestApi;

/// <summary>/test-api: set-up and control for the suite, behind the X-Test-Api-Key header (the design's contract).</summary>
public static partial class TestDataApi
{
    public const string KeyHeader = "X-Test-Api-Key";

    public const string Prefix = "/test-api";

    /// <summary>Advances stop here: the clock plus any review delay or lock stays far from DateTimeOffset's end (year 9999).</summary>
    private const int MaxClockYear = 9000;

    /// <summary>
    /// The key is checked before routing reaches an endpoint, so a request without it is refused before its body is even read
    /// (an unreadable body is a 401, not a 400), and unknown /test-api paths do not reveal which ones exist.
    /// </summary>
    public static IApplicationBuilder UseTestApiKey(this IApplicationBuilder app) =>
        app.UseWhen(http => http.Request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase), branch => branch.Use(async (http, next) =>
        {
            if (KeyProblem(http) is { } refused)
            {
                await refused.ExecuteAsync(http);
                return;
            }

            await next(http);
        }));

    public sealed record DetailsSeed(string? Region, string? DocumentType, string? FullName, string? DocumentNumber, string? DateOfBirth);

    public sealed record VerificationSeed(string? Status, string[]? Reasons, string? RejectType, int? AttemptsUsed, string? ModerationComment, DetailsSeed? Details);

    public sealed record CreateUserRequest(string? Locale, string? Region, VerificationSeed? Verification);

    public sealed record ForceReviewRequest(string? Answer, string[]? Reasons, string? RejectType, string? ModerationComment);

    public sealed record RunReviewsRequest(string? UserId);

    public sealed record AdvanceClockRequest(double? Minutes, string? UserId);

    public sealed record FaultRequest(string? UserId, string? Kind, int? Count, int? Ms);

    public static void MapTestDataApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix).WithTags("test-data").DisableAntiforgery();

        api.MapPost("/users", (CreateUserRequest? body, UserStore users, SandboxDatabase database, IOptions<ReviewOptions> review, UserClock clock) =>
        {
            body ??= new CreateUserRequest(null, null, null);
            var error = Validate(body, DateOnly.FromDateTime(clock.Global.UtcDateTime), out var locale, out var region, out var seed);
            if (error is not null)
            {
                return Bad(error);
            }

            var password = "Sbx-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
            var email = $"user-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5))}@sandbox.test";
            var user = users.Create(email, password, locale, region);
            if (seed is not null)
            {
                Seed(database, user.Id, seed, clock.Now(user.Id), TimeSpan.FromMinutes(review.Value.DelayMinutes));
            }

            return Results.Created($"/test-api/users/{user.Id}/verification", new { userId = user.Id, email, password });
        });

        api.MapGet("/users/{userId}/verification", (string userId, UserStore users, VerificationStore cases, VerificationViews views, UserClock clock) =>
        {
            if (users.Find(userId) is null)
            {
                return NoUser(userId);
            }

            var view = views.Truth(userId);
            return Results.Ok(new
            {
                view.Status,
                view.Reasons,
                view.RejectType,
                view.ModerationComment,
                view.AttemptsUsed,
                view.AttemptsLeft,
                view.LockedUntil,
                view.CanRetry,
                view.PendingSince,
                view.ExpectedReviewBy,
                view.PendingTooLong,
                view.HighlightFields,
                attempts = cases.Attempts(userId).Select(AttemptView.Of),
                now = clock.Now(userId),
            });
        });

        api.MapPost("/reviews/run", async (RunReviewsRequest? body, ReviewRunner reviews, UserStore users, CancellationToken cancel) =>
        {
            if (body?.UserId is { } id && users.Find(id) is null)
            {
                return NoUser(id);
            }

            return Results.Ok(new { completed = await reviews.RunAsync(body?.UserId, all: true, cancel) });
        });

        api.MapPost("/users/{userId}/review", async (string userId, ForceReviewRequest body, UserStore users, VerificationStore cases, ReviewRunner reviews, CancellationToken cancel) =>
        {
            if (users.Find(userId) is null)
            {
                return NoUser(userId);
            }

            if (body.Answer is not (VerificationStatus.Approved or VerificationStatus.Rejected))
            {
                return Bad($"answer '{body.Answer}' is not one of approved, rejected");
            }

            if (body.Reasons?.FirstOrDefault(r => !ReasonCode.IsKnown(r)) is { } unknown)
            {
                return Bad($"reasons: unknown code '{unknown}'");
            }

            if (body.RejectType is not null && !RejectType.All.Contains(body.RejectType))
            {
                return Bad($"rejectType '{body.RejectType}' is not one of {string.Join(", ", RejectType.All)}");
            }

            if (body.Answer == VerificationStatus.Approved && body.Reasons is { Length: > 0 })
            {
                return Bad("reasons only go with answer 'rejected'");
            }

            cases.Force(new ForcedReview(userId, body.Answer, body.Reasons ?? [], body.RejectType, body.ModerationComment));
            var completed = await reviews.RunAsync(userId, all: true, cancel);
            return Results.Ok(new { completed, appliesTo = completed > 0 ? "pending review" : "next review" });
        });

        api.MapGet("/clock", (string? userId, UserClock clock) => Results.Ok(new { now = userId is null ? clock.Global : clock.Now(userId) }));

        api.MapPost("/clock/advance", async (AdvanceClockRequest body, SandboxClock clock, UserClock userClock, ClockState state, UserStore users, ReviewRunner reviews, CancellationToken cancel) =>
        {
            if (body.Minutes is not { } minutes || !double.IsFinite(minutes) || minutes <= 0 || minutes > 60 * 24 * 365)
            {
                return Bad("minutes must be a number above 0 (at most a year)");
            }

            if ((body.UserId is null ? userClock.Global : userClock.Now(body.UserId)).AddMinutes(minutes).Year > MaxClockYear)
            {
                return Bad($"minutes: the sandbox clock stays before the year {MaxClockYear + 1}");
            }

            if (body.UserId is { } id)
            {
                // One user's time only: parallel tests each move their own user's clock.
                if (users.Find(id) is null)
                {
                    return NoUser(id);
                }

                userClock.Advance(id, TimeSpan.FromMinutes(minutes));
            }
            else
            {
                clock.Advance(TimeSpan.FromMinutes(minutes));
                state.Save(clock.Offset);
            }

            var completed = await reviews.RunAsync(body.UserId, all: false, cancel); // what fell due now is reviewed before the answer
            return Results.Ok(new { now = body.UserId is null ? userClock.Global : userClock.Now(body.UserId), reviewsCompleted = completed });
        });

        api.MapPost("/faults", (FaultRequest body, UserStore users, FaultStore faults) =>
        {
            if (body.Kind is null || !FaultKind.All.Contains(body.Kind))
            {
                return Bad($"kind '{body.Kind}' is not one of {string.Join(", ", FaultKind.All)}");
            }

            if (body.UserId is { } id && users.Find(id) is null)
            {
                return NoUser(id);
            }

            if (body.Count is < 1 or > 10_000 || body.Ms is < 0 or > 120_000)
            {
                return Bad("count must be 1..10000 and ms 0..120000");
            }

            if (body.Kind == FaultKind.UploadLatency && body.Ms is null)
            {
                return Bad("upload-latency needs ms");
            }

            faults.Add(body.UserId, body.Kind, body.Count ?? 1, body.Ms ?? 0);
            return Results.Ok(new { body.Kind, count = body.Count ?? 1, ms = body.Ms ?? 0, userId = body.UserId });
        });

        api.MapGet("/outbox", (string? userId, OutboxStore outbox, SandboxDefects defects) =>
            defects.Has("contract-outbox-removed") ? Results.NotFound() : Results.Ok(outbox.For(userId)));

        api.MapPost("/reset", (SandboxDatabase database, UserClock userClock) =>
        {
            database.Reset();
            userClock.Forget();
            return Results.Ok(new { reset = true });
        });
    }

    private static IResult Bad(string message) => Results.Problem(statusCode: 400, title: message);

    private static IResult NoUser(string userId) => Results.Problem(statusCode: 404, title: $"no user '{userId}'");

    private static void Seed(SandboxDatabase database, string userId, VerificationSeed v, DateTimeOffset now, TimeSpan reviewDelay)
    {
        var reasons = ReasonCode.InReportOrder(v.Reasons ?? []);
        // ATTEMPTS_EXCEEDED seeds what the product's lock is: the attempt limit used up in the window and retry closed for a day.
        var locked = reasons.Contains(ReasonCode.AttemptsExceeded);
        var used = locked ? VerificationCase.AttemptLimit : v.AttemptsUsed ?? (v.Status == VerificationStatus.NotStarted ? 0 : 1);
        IReadOnlyList<string> reviewReasons = [.. reasons.Where(r => r != ReasonCode.AttemptsExceeded)];
        AttemptDetails? details = v.Details is { } d
            ? new AttemptDetails(d.Region!.ToUpperInvariant(), d.DocumentType!, d.FullName!, d.DocumentNumber!.ToUpperInvariant(),
                DateOnly.ParseExact(d.DateOfBirth!, "yyyy-MM-dd", CultureInfo.InvariantCulture))
            : null;
        var rejectType = v.Status == VerificationStatus.Rejected ? v.RejectType ?? ReasonCode.DefaultTypeFor(reasons) : null;

        using var db = database.Open();
        using var tx = db.BeginTransaction();
        for (var n = 1; n <= used; n++)
        {
            var last = n == used;
            var status = last ? v.Status! : VerificationStatus.Rejected;
            VerificationStore.Insert(db, tx, new Attempt(
                VerificationStore.NewAttemptId(), userId, n, now, status == VerificationStatus.Pending ? now + reviewDelay : now,
                last ? details : null, null, null, status,
                last ? reviewReasons : [], last ? rejectType : RejectType.Retry, last ? v.ModerationComment : null,
                status == VerificationStatus.Pending ? null : now, Seeded: true), null);
        }

        VerificationStore.Save(db, tx, new VerificationCase(
            userId, v.Status!, reasons, rejectType, v.ModerationComment, used, locked ? now + VerificationCase.LockDuration : null,
            v.Status == VerificationStatus.Pending ? now : null));
        tx.Commit();
    }

    /// <param name="seed">The verification to seed, its details as the form stores them (normalised); null when none is asked for.</param>
    private static string? Validate(CreateUserRequest body, DateOnly today, out string locale, out string region, out VerificationSeed? seed)
    {
        locale = body.Locale is null ? "zh-CN" : TextCatalog.Normalize(body.Locale);
        region = (body.Region ?? "CN").Trim().ToUpperInvariant();
        seed = null;
        if (locale.Length == 0)
        {
            return $"unknown locale '{body.Locale}'; use one of {string.Join(", ", TextCatalog.Locales)}";
        }

        if (!RegionCode().IsMatch(region))
        {
            return $"region '{body.Region}' is not a two-letter ISO 3166 code";
        }

        if (body.Verification is not { } v)
        {
            return null;
        }

        if (v.Status is null || !VerificationStatus.All.Contains(v.Status))
        {
            return $"verification.status '{v.Status}' is not one of {string.Join(", ", VerificationStatus.All)}";
        }

        if (v.Reasons?.FirstOrDefault(r => !ReasonCode.IsKnown(r)) is { } unknown)
        {
            return $"verification.reasons: unknown code '{unknown}'";
        }

        if (v.Reasons is { Length: > 0 } && v.Status != VerificationStatus.Rejected)
        {
            return "verification.reasons only go with status 'rejected'";
        }

        if (v.RejectType is not null && !RejectType.All.Contains(v.RejectType))
        {
            return $"verification.rejectType '{v.RejectType}' is not one of {string.Join(", ", RejectType.All)}";
        }

        if (v.AttemptsUsed is < 0 or > VerificationCase.AttemptLimit)
        {
            return $"verification.attemptsUsed must be between 0 and {VerificationCase.AttemptLimit}";
        }

        if (v.Status != VerificationStatus.NotStarted && v.AttemptsUsed == 0)
        {
            return $"a '{v.Status}' verification has at least one attempt";
        }

        seed = v;
        if (v.Details is { } d)
        {
            // Exactly the form's rules, on the sandbox's date; what is stored is what the form would store.
            var check = FormValidation.Check(
                new SubmittedForm(d.Region, d.DocumentType, d.FullName, d.DocumentNumber, d.DateOfBirth, null, null),
                today, requireBack: false, withPhotos: false);
            if (check.Details is not { } details)
            {
                return $"verification.details: {string.Join("; ", check.Errors.Select(e => $"{e.Key}: {e.Value}"))}";
            }

            seed = v with { Details = new DetailsSeed(details.Region, details.DocumentType, details.FullName, details.DocumentNumber, details.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) };
        }

        return null;
    }

    private static IResult? KeyProblem(HttpContext http)
    {
        var key = http.RequestServices.GetRequiredService<IOptions<SandboxOptions>>().Value.TestApiKey;
        if (string.IsNullOrEmpty(key))
        {
            return Results.Problem(statusCode: 404, title: "the test-data API is off: no Sandbox:TestApiKey is configured");
        }

        var given = http.Request.Headers[KeyHeader].ToString();
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(key))
            ? null
            : Results.Problem(statusCode: 401, title: $"missing or wrong {KeyHeader} header");
    }

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex RegionCode();
}
