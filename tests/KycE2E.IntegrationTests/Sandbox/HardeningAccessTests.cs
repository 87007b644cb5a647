using System.Net;
using System.Net.Http.Headers;
using System.Text;
using KycE2E.Automation.Identity;
using KycE2E.Automation.TestData;

namespace KycE2E.IntegrationTests.Sandbox;

/// <summary>
/// One user never reaches another's case or photos; the test-data API does nothing without its key;
/// the portal's forms do nothing without their antiforgery token.
/// </summary>
public sealed class HardeningAccessTests : SandboxTests
{
    [Test]
    public async Task A_user_cannot_read_or_change_another_users_case_or_photos_through_the_app_api()
    {
        var (alice, aliceToken) = await Sandbox.RejectedUserAsync();
        var (bob, bobToken) = await Sandbox.RejectedUserAsync();
        var bobDetails = Adult.Details with { FullName = "Bob Secretname" };
        var bobAnswer = await Sandbox.App.SubmitAsync(bobToken, bobDetails, Adult.Front(), Adult.Back(), idempotencyKey: "shared-key-1");
        bobAnswer.Status.Should().Be(HttpStatusCode.Accepted);
        var bobAttempt = bobAnswer.Json.GetProperty("attemptId").GetString()!;
        var bobBefore = await CaseOfAsync(bob.UserId);

        var reads = new[]
        {
            "api/v1/me", "api/v1/verification", "api/v1/verification/attempts",
            $"api/v1/verification?userId={bob.UserId}", $"api/v1/verification/attempts?userId={bob.UserId}", $"api/v1/me?userId={bob.UserId}",
            $"api/v1/users/{bob.UserId}/verification", $"api/v1/verification/{bob.UserId}", $"api/v1/verification/attempts/{bobAttempt}",
            $"api/v1/attempts/{bobAttempt}",
        };
        foreach (var path in reads)
        {
            var (status, body) = await SendAsync(HttpMethod.Get, path, aliceToken);
            ((int)status).Should().BeOneOf([200, 404, 405], path);
            body.Should().NotContain(bob.UserId, path).And.NotContain("Secretname", path).And.NotContain(bobAttempt, path).And.NotContain(bob.Email, path);
        }

        // Alice sends Bob's id and Bob's idempotency key: she gets her own, new attempt, never Bob's.
        using var form = Form(Adult.Details, ("userId", bob.UserId));
        var (submitted, answer) = await SendAsync(HttpMethod.Post, $"api/v1/verification/attempts?userId={bob.UserId}", aliceToken, form, idempotencyKey: "shared-key-1");
        submitted.Should().Be(HttpStatusCode.Accepted, answer);
        answer.Should().NotContain(bobAttempt).And.Contain("\"replayed\":false");
        (await Sandbox.TestData.GetVerificationAsync(alice.UserId)).AttemptsUsed.Should().Be(2);
        (await CaseOfAsync(bob.UserId)).Should().Be(bobBefore, "nothing of Bob's changed");

        // No route serves a stored photo, to anyone: the images stay inside the data folder.
        var photos = Directory.GetFiles(Path.Combine(Sandbox.Dir, "sandbox", "images")).Select(Path.GetFileName).ToList();
        photos.Should().NotBeEmpty();
        foreach (var photo in photos)
        {
            foreach (var path in new[] { $"images/{photo}", $"sandbox/images/{photo}", $"api/v1/images/{photo}", $"api/v1/verification/images/{photo}", $"app/../images/{photo}" })
            {
                (await SendAsync(HttpMethod.Get, path, bobToken)).Status.Should().Be(HttpStatusCode.NotFound, path);
            }
        }

        foreach (var path in new[] { "sandbox.db", "sandbox/sandbox.db", "app/..%2f..%2fsandbox.db", "app/%2e%2e/%2e%2e/sandbox.db", "keys" })
        {
            (await SendAsync(HttpMethod.Get, path, aliceToken)).Status.Should().Be(HttpStatusCode.NotFound, path);
        }
    }

    [Test]
    public async Task A_signed_in_portal_user_sees_only_her_own_case()
    {
        var alice = await Sandbox.TestData.CreateUserAsync(new NewUser("en", Verification: new VerificationSeed("approved")));
        var bob = await Sandbox.TestData.CreateUserAsync(new NewUser("en", Verification: new VerificationSeed("rejected", ["PHOTO_GLARE"], ModerationComment: "Bob-only-comment")));
        using var portal = new HardeningPortalVisitor(Sandbox.Http.BaseAddress!);
        await portal.LogInAsync(alice);

        foreach (var path in new[] { "account/verification", $"account/verification?userId={bob.UserId}", "account/verification/form", $"account/verification/form?userId={bob.UserId}" })
        {
            var (status, html, _) = await portal.OpenAsync(path);
            status.Should().Be(HttpStatusCode.OK, path);
            html.Should().NotContain("Bob-only-comment", path).And.NotContain("PHOTO_GLARE", path).And.NotContain(bob.UserId, path);
        }

        (await portal.OpenAsync("account/verification")).Html.Should().Contain("data-status=\"approved\"");
    }

    private static readonly (HttpMethod Method, string Path, string? Body)[] TestApiRoutes =
    [
        (HttpMethod.Post, "test-api/users", """{"locale":"en"}"""),
        (HttpMethod.Get, "test-api/users/{bob}/verification", null),
        (HttpMethod.Post, "test-api/reviews/run", """{"userId":"{bob}"}"""),
        (HttpMethod.Post, "test-api/users/{bob}/review", """{"answer":"approved"}"""),
        (HttpMethod.Get, "test-api/clock", null),
        (HttpMethod.Post, "test-api/clock/advance", """{"minutes":100000}"""),
        (HttpMethod.Post, "test-api/faults", """{"kind":"upload-fail","count":50}"""),
        (HttpMethod.Get, "test-api/outbox", null),
        (HttpMethod.Post, "test-api/reset", null),
        (HttpMethod.Post, "test-api/clock/advance", "{not json"),
        (HttpMethod.Get, "test-api/no-such-route", null),
        (HttpMethod.Get, "TEST-API/clock", null),
    ];

    [Test]
    public async Task Every_test_data_route_without_the_key_or_with_a_wrong_key_is_a_401_and_does_nothing()
    {
        var (bob, bobToken) = await Sandbox.RejectedUserAsync();
        (await Sandbox.App.SubmitAsync(bobToken, Adult.Details, Adult.Front(), Adult.Back())).Status.Should().Be(HttpStatusCode.Accepted);
        var bobBefore = await CaseOfAsync(bob.UserId);
        var clockBefore = await Sandbox.TestData.NowAsync();
        var usersBefore = Sandbox.CountRows("users");
        var key = Sandbox.TestApiKey;
        string?[] wrongKeys = [null, "", "wrong", key[..^1], key + "x", key.ToUpperInvariant(), key.Insert(key.Length / 2, " "), key[..^1] + (key[^1] == 'a' ? 'b' : 'a')];

        var calls = 0;
        foreach (var (method, template, body) in TestApiRoutes)
        {
            foreach (var wrongKey in wrongKeys)
            {
                var path = template.Replace("{bob}", bob.UserId, StringComparison.Ordinal);
                using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
                if (wrongKey is not null)
                {
                    request.Headers.TryAddWithoutValidation(TestDataClient.KeyHeader, wrongKey);
                }

                if (body is not null)
                {
                    request.Content = new StringContent(body.Replace("{bob}", bob.UserId, StringComparison.Ordinal), Encoding.UTF8, "application/json");
                }

                using var response = await Sandbox.Http.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                var what = $"{method} {path} with key '{wrongKey ?? "(none)"}'";
                response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, what);
                text.Should().Contain("X-Test-Api-Key", what).And.NotContain(bob.Email, what).And.NotContain("pending", what);
                calls++;
            }
        }

        (await CaseOfAsync(bob.UserId)).Should().Be(bobBefore, "no review was run or forced, nothing was reset");
        (await Sandbox.TestData.NowAsync()).Should().BeCloseTo(clockBefore, TimeSpan.FromMinutes(1), "the clock did not move");
        Sandbox.CountRows("users").Should().Be(usersBefore, "no user was created or deleted");
        (await Sandbox.App.SubmitAsync((await Sandbox.RejectedUserAsync()).Token, Adult.Details, Adult.Front(), Adult.Back()))
            .Status.Should().Be(HttpStatusCode.Accepted, "no upload fault was injected");
        TestContext.Out.WriteLine($"{calls} refused test-data calls ({TestApiRoutes.Length} routes × {wrongKeys.Length} keys)");
    }

    [Test]
    public async Task The_portal_submission_without_its_antiforgery_token_or_with_another_users_is_a_400_and_records_nothing()
    {
        var alice = await Sandbox.TestData.CreateUserAsync(new NewUser("en", Verification: new VerificationSeed("rejected", ["PHOTO_BLURRY"])));
        var bob = await Sandbox.TestData.CreateUserAsync(new NewUser("en", Verification: new VerificationSeed("rejected", ["PHOTO_BLURRY"])));
        using var alicePortal = new HardeningPortalVisitor(Sandbox.Http.BaseAddress!);
        using var bobPortal = new HardeningPortalVisitor(Sandbox.Http.BaseAddress!);
        await alicePortal.LogInAsync(alice);
        await bobPortal.LogInAsync(bob);
        var aliceToken = (await alicePortal.OpenAsync("account/verification/form")).Token!;
        var bobToken = (await bobPortal.OpenAsync("account/verification/form")).Token!;

        foreach (var (token, what) in new[] { ((string?)null, "no token"), ("", "an empty token"), (bobToken, "Bob's token"), (aliceToken[..^2], "a damaged token") })
        {
            using var form = Form(Adult.Details);
            if (token is not null)
            {
                form.Add(new StringContent(token), HardeningPortalVisitor.AntiforgeryField);
            }

            using var response = await alicePortal.Http.PostAsync(new Uri("account/verification/attempts", UriKind.Relative), form);
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, what);
            (await response.Content.ReadAsStringAsync()).Should().Contain("antiforgery", what);
            (await Sandbox.TestData.GetVerificationAsync(alice.UserId)).AttemptsUsed.Should().Be(1, $"{what}: nothing was recorded");
        }

        using var valid = Form(Adult.Details);
        valid.Add(new StringContent(aliceToken), HardeningPortalVisitor.AntiforgeryField);
        using var accepted = await alicePortal.Http.PostAsync(new Uri("account/verification/attempts", UriKind.Relative), valid);
        accepted.StatusCode.Should().Be(HttpStatusCode.Accepted, "the same form with Alice's own token is accepted");
    }

    [Test]
    public async Task Login_and_logout_posts_without_the_antiforgery_token_are_refused_and_change_nothing()
    {
        var user = await Sandbox.TestData.CreateUserAsync(new NewUser("en"));
        using var visitor = new HardeningPortalVisitor(Sandbox.Http.BaseAddress!);
        await visitor.OpenAsync("login");

        using var login = await visitor.PostFormAsync("login", [new("Email", user.Email), new("Password", user.Password)]);
        login.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        visitor.HasAuthCookie.Should().BeFalse("a login without the token signs nobody in");

        await visitor.LogInAsync(user);
        using var logout = await visitor.PostFormAsync("logout", []);
        logout.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await visitor.OpenAsync("account")).Status.Should().Be(HttpStatusCode.OK, "a forged logout signs nobody out");

        // The page's own logout button carries the token and works.
        var (_, html, token) = await visitor.OpenAsync("account");
        html.Should().Contain("action=\"/logout\"");
        using var realLogout = await visitor.PostFormAsync("logout", [new(HardeningPortalVisitor.AntiforgeryField, token!)]);
        realLogout.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await visitor.OpenAsync("account")).Status.Should().Be(HttpStatusCode.Redirect, "signed out");
    }

    private MultipartFormDataContent Form(FormDetails details, params (string Name, string Value)[] extra)
    {
        var form = AppApiClient.DetailsForm(details);
        form.Add(new ByteArrayContent(Adult.Front().Bytes.ToArray()), "frontImage", "front.jpg");
        form.Add(new ByteArrayContent(Adult.Back()!.Bytes.ToArray()), "backImage", "back.jpg");
        foreach (var (name, value) in extra)
        {
            form.Add(new StringContent(value), name);
        }

        return form;
    }

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpMethod method, string path, string token, HttpContent? content = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await Sandbox.Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The case as the test-data API shows it, without the moving "now".</summary>
    private async Task<string> CaseOfAsync(string userId)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(await Sandbox.TestData.GetVerificationJsonAsync(userId))!.AsObject();
        json.Remove("now");
        return json.ToJsonString();
    }
}
