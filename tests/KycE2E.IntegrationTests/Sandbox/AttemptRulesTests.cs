using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using KycE2E.Automation.Identity;
using KycE2E.Automation.TestData;
using KycE2E.Documents;

namespace KycE2E.IntegrationTests.Sandbox;

/// <summary>The attempt limit and its lock on the sandbox clock, faults, idempotency, pre-filling, and a restart that loses nothing.</summary>
public sealed partial class AttemptRulesTests : SandboxTests
{
    [Test]
    public async Task The_sixth_submission_in_24_hours_is_refused_and_locks_retry_until_the_clock_moves()
    {
        var (user, token) = await Sandbox.RejectedUserAsync();
        var identity = TestIdentity.Adult(Today);
        for (var i = 0; i < 4; i++)
        {
            (await Sandbox.App.SubmitAsync(token, identity.Details, identity.Front(PhotoVariant.Glare), identity.Back())).Status.Should().Be(HttpStatusCode.Accepted);
            await Sandbox.TestData.RunReviewsAsync(user.UserId);
        }

        (await Sandbox.TestData.GetVerificationAsync(user.UserId)).AttemptsLeft.Should().Be(0);
        var sixth = await Sandbox.App.SubmitAsync(token, identity.Details, identity.Front(), identity.Back());

        sixth.Status.Should().Be(HttpStatusCode.TooManyRequests);
        var locked = await Sandbox.TestData.GetVerificationAsync(user.UserId);
        locked.Reasons.Should().Contain("ATTEMPTS_EXCEEDED");
        locked.LockedUntil.Should().NotBeNull();
        locked.CanRetry.Should().BeFalse();
        locked.AttemptsUsed.Should().Be(5, "the refused submission is not an attempt");
        Reasons(await AppViewAsync(token)).Should().Contain("ATTEMPTS_EXCEEDED", "the app shows why retry is locked");

        await Sandbox.TestData.AdvanceClockAsync(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));

        var reopened = await Sandbox.TestData.GetVerificationAsync(user.UserId);
        reopened.CanRetry.Should().BeTrue();
        reopened.LockedUntil.Should().BeNull();
        reopened.AttemptsLeft.Should().Be(5);
        reopened.Reasons.Should().NotContain("ATTEMPTS_EXCEEDED", "the lock has lifted").And.Contain("PHOTO_GLARE", "the review's own reasons stay");
        token = await Sandbox.App.LogInAsync(user); // a day later the app's token has expired too
        var appView = await AppViewAsync(token);
        Reasons(appView).Should().NotContain("ATTEMPTS_EXCEEDED", "the lock has lifted").And.Contain("PHOTO_GLARE");
        appView.GetProperty("canRetry").GetBoolean().Should().BeTrue();
        (await Sandbox.App.SubmitAsync(token, identity.Details, identity.Front(), identity.Back())).Status.Should().Be(HttpStatusCode.Accepted);
    }

    [TestCase("en")]
    [TestCase("zh-CN")]
    public async Task The_attempt_limit_refusal_and_the_portal_show_the_lock_time_in_China_Standard_Time(string locale)
    {
        var user = await Sandbox.TestData.CreateUserAsync(new NewUser(locale, Verification: new VerificationSeed("rejected", ["PHOTO_BLURRY"], AttemptsUsed: 5)));
        var identity = TestIdentity.Adult(Today);

        var refused = await Sandbox.App.SubmitAsync(await Sandbox.App.LogInAsync(user), identity.Details, identity.Front(), identity.Back());

        refused.Status.Should().Be(HttpStatusCode.TooManyRequests, refused.ToString());
        var lockedUntil = refused.Json.GetProperty("lockedUntil").GetDateTimeOffset();
        var shown = lockedUntil.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm 'UTC+8'", CultureInfo.InvariantCulture);
        refused.Json.GetProperty("title").GetString().Should().Contain(shown);

        using var portal = new HardeningPortalVisitor(Sandbox.Http.BaseAddress!);
        await portal.LogInAsync(user);
        var (_, html, _) = await portal.OpenAsync("account/verification");
        var lockedLine = LockedUntilLine().Match(html);
        lockedLine.Success.Should().BeTrue("the status page of a locked user says until when");
        WebUtility.HtmlDecode(lockedLine.Groups["text"].Value).Should().Contain(shown, "the portal and the refusal show one time the same way");
    }

    [Test]
    public async Task The_app_is_given_the_users_sandbox_date_for_its_date_of_birth_check()
    {
        var (user, token) = await Sandbox.RejectedUserAsync();

        var userNow = await Sandbox.TestData.AdvanceClockAsync(TimeSpan.FromDays(3), user.UserId);
        var view = await AppViewAsync(token);

        (userNow - await Sandbox.TestData.NowAsync()).Should().BeCloseTo(TimeSpan.FromDays(3), TimeSpan.FromMinutes(1), "only her clock moved");
        view.GetProperty("today").GetString().Should().Be(
            DateOnly.FromDateTime(userNow.UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "the server checks the date of birth against her sandbox date, 3 days ahead of everyone else's");
    }

    [Test]
    public async Task A_review_completes_when_theSandbox_clock_reaches_its_due_time()
    {
        var (user, token) = await Sandbox.RejectedUserAsync();
        var identity = TestIdentity.Adult(Today);
        await Sandbox.App.SubmitAsync(token, identity.Details, identity.Front(), identity.Back());

        var pending = await Sandbox.TestData.GetVerificationAsync(user.UserId);
        pending.Status.Should().Be("pending");
        pending.ExpectedReviewBy.Should().NotBeNull();

        await Sandbox.TestData.AdvanceClockAsync(TimeSpan.FromMinutes(3));

        (await Sandbox.TestData.GetVerificationAsync(user.UserId)).Status.Should().Be("approved");
    }

    [Test]
    public async Task Moving_one_users_clock_leaves_the_others_alone()
    {
        var (moved, movedToken) = await Sandbox.RejectedUserAsync();
        var (still, stillToken) = await Sandbox.RejectedUserAsync();
        var identity = TestIdentity.Adult(Today);
        await Sandbox.App.SubmitAsync(movedToken, identity.Details, identity.Front(), identity.Back());
        await Sandbox.App.SubmitAsync(stillToken, TestIdentity.Adult(Today).Details, identity.Front(), identity.Back());

        await Sandbox.TestData.AdvanceClockAsync(TimeSpan.FromMinutes(3), moved.UserId);

        (await Sandbox.TestData.GetVerificationAsync(moved.UserId)).Status.Should().NotBe("pending", "its review fell due");
        (await Sandbox.TestData.GetVerificationAsync(still.UserId)).Status.Should().Be("pending", "no time passed for her");
        (await Sandbox.App.LogInAsync(still)).Should().NotBeNullOrEmpty();
    }

    [Test]
    public async Task A_review_pending_for_more_than_24_hours_says_so()
    {
        var user = await Sandbox.TestData.CreateUserAsync(new NewUser("en", Verification: new VerificationSeed("pending")));
        await Sandbox.TestData.AddFaultAsync("review-outage", user.UserId, count: 100);

        (await Sandbox.TestData.GetVerificationAsync(user.UserId)).PendingTooLong.Should().BeFalse();
        await Sandbox.TestData.AdvanceClockAsync(TimeSpan.FromHours(25));

        var record = await Sandbox.TestData.GetVerificationAsync(user.UserId);
        record.Status.Should().Be("pending");
        record.PendingTooLong.Should().BeTrue();
    }

    [Test]
    public async Task A_failed_upload_records_nothing_and_the_retried_upload_succeeds()
    {
        var (user, token) = await Sandbox.RejectedUserAsync();
        var identity = TestIdentity.Adult(Today);
        await Sandbox.TestData.AddFaultAsync("upload-fail", user.UserId);

        var failed = await Sandbox.App.SubmitAsync(token, identity.Details, identity.Front(), identity.Back());
        var retried = await Sandbox.App.SubmitAsync(token, identity.Details, identity.Front(), identity.Back());

        failed.Status.Should().Be(HttpStatusCode.ServiceUnavailable);
        retried.Status.Should().Be(HttpStatusCode.Accepted);
        (await Sandbox.TestData.GetVerificationAsync(user.UserId)).AttemptsUsed.Should().Be(2, "the seeded attempt and the one that went through");
    }

    [Test]
    public async Task A_double_submit_with_one_idempotency_key_records_one_attempt()
    {
        var (user, token) = await Sandbox.RejectedUserAsync();
        var identity = TestIdentity.Adult(Today);

        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            Sandbox.App.SubmitAsync(token, identity.Details, identity.Front(), identity.Back(), idempotencyKey: "same-tap")));

        answers.Select(a => a.Status).Should().BeEquivalentTo([HttpStatusCode.Accepted, HttpStatusCode.OK]);
        answers.Select(a => a.Json.GetProperty("attemptId").GetString()).Distinct().Should().ContainSingle();
        (await Sandbox.TestData.GetVerificationAsync(user.UserId)).AttemptsUsed.Should().Be(2);
    }

    [Test]
    public async Task Retry_pre_fills_the_last_details_but_not_the_photos_and_highlights_the_failed_field()
    {
        var (user, token) = await Sandbox.RejectedUserAsync();
        var identity = TestIdentity.Adult(Today);
        var typo = identity.DetailsDifferingIn(HolderField.Name);
        await Sandbox.App.SubmitAsync(token, typo, identity.Front(), identity.Back());
        await Sandbox.TestData.RunReviewsAsync(user.UserId);

        var view = await AppViewAsync(token);

        view.GetProperty("prefill").GetProperty("fullName").GetString().Should().Be(typo.FullName);
        view.GetProperty("prefill").GetProperty("documentNumber").GetString().Should().Be(typo.DocumentNumber);
        view.GetProperty("prefill").TryGetProperty("frontImage", out _).Should().BeFalse();
        view.GetProperty("highlightFields").EnumerateArray().Select(e => e.GetString()).Should().Equal("fullName");
    }

    [Test]
    public async Task A_killedSandbox_restarts_with_every_user_attempt_and_pending_review()
    {
        var (user, token) = await Sandbox.RejectedUserAsync();
        var identity = TestIdentity.Adult(Today);
        await Sandbox.App.SubmitAsync(token, identity.Details, identity.Front(), identity.Back());

        await Sandbox.KillAndRestartAsync();

        var afterRestart = await Sandbox.TestData.GetVerificationAsync(user.UserId);
        afterRestart.Status.Should().Be("pending");
        afterRestart.Attempts.Should().HaveCount(2);
        (await Sandbox.App.LogInAsync(user)).Should().NotBeNullOrEmpty();
        await Sandbox.TestData.RunReviewsAsync(user.UserId);
        (await Sandbox.TestData.GetVerificationAsync(user.UserId)).Status.Should().Be("approved");
    }

    private static IEnumerable<string?> Reasons(JsonElement view) => view.GetProperty("reasons").EnumerateArray().Select(e => e.GetString());

    /// <summary>The case as the app reads it: GET /api/v1/verification with its bearer token.</summary>
    private async Task<JsonElement> AppViewAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/verification");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Sandbox.Http.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [GeneratedRegex("data-testid=\"locked-until\"[^>]*>(?<text>[^<]*)<")]
    private static partial Regex LockedUntilLine();
}
