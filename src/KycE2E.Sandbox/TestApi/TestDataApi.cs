using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using KycE2E.Sandbox.Api;
using KycE2E.Sandbox.Data;
using KycE2E.Sandbox.Domain;
using KycE2E.Sandbox.Hosting;
using KycE2E.Sandbox.Texts;

namespace KycE2E.Sandbox.TestApi;

/// <summary>/test-api: set-up and control for the suite, behind the X-Test-Api-Key header (see the design's contract).</summary>
public static partial class TestDataApi
{
    public const string KeyHeader = "X-Test-Api-Key";

    public sealed record VerificationSeed(string? Status, string[]? Reasons, string? RejectType, int? AttemptsUsed, string? ModerationComment);

    public sealed record CreateUserRequest(string? Locale, string? Region, VerificationSeed? Verification);

    public static void MapTestDataApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/test-api").AddEndpointFilter(RequireKey);

        api.MapPost("/users", (CreateUserRequest? body, UserStore users, VerificationStore cases) =>
        {
            body ??= new CreateUserRequest(null, null, null);
            var error = Validate(body, out var locale, out var region);
            if (error is not null)
            {
                return Results.Problem(statusCode: 400, title: error);
            }

            var password = "Sbx-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
            var email = $"user-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5))}@sandbox.test";
            var user = users.Create(email, password, locale, region);
            if (body.Verification is { } v)
            {
                cases.Save(SeededCase(user.Id, v));
            }

            return Results.Created($"/test-api/users/{user.Id}/verification", new { userId = user.Id, email, password });
        });

        api.MapGet("/users/{userId}/verification", (string userId, UserStore users, VerificationStore cases, TimeProvider clock) =>
            users.Find(userId) is null
                ? Results.Problem(statusCode: 404, title: $"no user '{userId}'")
                : Results.Ok(VerificationView.Of(cases.For(userId), clock.GetUtcNow())));
    }

    private static string? Validate(CreateUserRequest body, out string locale, out string region)
    {
        locale = body.Locale is null ? "zh-CN" : TextCatalog.Normalize(body.Locale);
        region = (body.Region ?? "CN").Trim().ToUpperInvariant();
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

        return v.AttemptsUsed is < 0 or > VerificationCase.AttemptLimit
            ? $"verification.attemptsUsed must be between 0 and {VerificationCase.AttemptLimit}"
            : null;
    }

    private static VerificationCase SeededCase(string userId, VerificationSeed v)
    {
        var reasons = ReasonCode.InReportOrder(v.Reasons ?? []);
        var rejected = v.Status == VerificationStatus.Rejected;
        return new VerificationCase(
            userId,
            v.Status!,
            reasons,
            rejected ? v.RejectType ?? ReasonCode.DefaultTypeFor(reasons) : null,
            v.ModerationComment,
            v.AttemptsUsed ?? (v.Status == VerificationStatus.NotStarted ? 0 : 1),
            null);
    }

    private static async ValueTask<object?> RequireKey(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.RequestServices.GetRequiredService<IOptions<SandboxOptions>>().Value.TestApiKey;
        if (string.IsNullOrEmpty(key))
        {
            return Results.Problem(statusCode: 404, title: "the test-data API is off: no Sandbox:TestApiKey is configured");
        }

        var given = http.Request.Headers[KeyHeader].ToString();
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(key)))
        {
            return Results.Problem(statusCode: 401, title: $"missing or wrong {KeyHeader} header");
        }

        return await next(context).ConfigureAwait(false);
    }

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex RegionCode();
}
