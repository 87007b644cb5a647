using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KycE2E.Automation.Identity;
using KycE2E.Automation.TestData;

namespace KycE2E.IntegrationTests.Sandbox;

/// <summary>
/// Hostile or unusual names are stored exactly as sent (after NFKC and space clean-up) or refused with a named error,
/// as FormValidation documents: at most 100 characters, no control or format characters; and they are always shown escaped.
/// </summary>
public sealed class HardeningTextInputTests : SandboxTests
{
    private const string ScriptName = "<script>alert('x')</script>";
    private const string AttributeBreaker = "\"><img src=x onerror=alert(1)>";

    [TestCase(ScriptName, null)]
    [TestCase(AttributeBreaker, null)]
    [TestCase("Robert'); DROP TABLE users;--", null)]
    [TestCase("O'Brien \" % _ ; -- /* */", null)]
    [TestCase("张伟 😀", null)]
    [TestCase("مريم", null)]
    [TestCase("Zhang\u200FWei", "name_invalid")]
    [TestCase("\u202Egnahz", "name_invalid")]
    [TestCase("👩\u200D💻", "name_invalid")]
    [TestCase("Zhang\u0000Wei", "name_invalid")]
    [TestCase("Zhang\nWei", null)]
    [TestCase("\u3000张　伟\u3000", null)]
    public async Task A_submitted_name_is_stored_as_sent_or_refused_with_its_code(string name, string? refusedAs)
    {
        var (user, token) = await Sandbox.RejectedUserAsync();

        var answer = await Sandbox.App.SubmitAsync(token, Adult.Details with { FullName = name }, Adult.Front(), Adult.Back());

        if (refusedAs is not null)
        {
            answer.Status.Should().Be(HttpStatusCode.BadRequest, answer.ToString());
            answer.Json.GetProperty("errors").GetProperty("fullName").GetString().Should().Be(refusedAs);
            (await Sandbox.TestData.GetVerificationAsync(user.UserId)).AttemptsUsed.Should().Be(1);
            return;
        }

        answer.Status.Should().Be(HttpStatusCode.Accepted, answer.ToString());
        var stored = (await Sandbox.TestData.GetVerificationAsync(user.UserId)).Attempts[^1].Details!.FullName;
        stored.Should().Be(string.Join(' ', name.Normalize(System.Text.NormalizationForm.FormKC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        using var view = await GetAsync("api/v1/verification", token);
        JsonDocument.Parse(await view.Content.ReadAsStringAsync()).RootElement.GetProperty("prefill").GetProperty("fullName").GetString().Should().Be(stored);
    }

    [TestCase(100, null)]
    [TestCase(101, "name_too_long")]
    [TestCase(10_000, "name_too_long")]
    public async Task Names_up_to_100_characters_are_stored_and_longer_ones_refused(int length, string? refusedAs)
    {
        var (_, token) = await Sandbox.RejectedUserAsync();

        var answer = await Sandbox.App.SubmitAsync(token, Adult.Details with { FullName = new string('名', length) }, Adult.Front(), Adult.Back());

        if (refusedAs is null)
        {
            answer.Status.Should().Be(HttpStatusCode.Accepted, answer.ToString());
        }
        else
        {
            answer.Status.Should().Be(HttpStatusCode.BadRequest);
            answer.Json.GetProperty("errors").GetProperty("fullName").GetString().Should().Be(refusedAs);
        }
    }

    [Test]
    public async Task The_database_is_intact_after_sql_metacharacters_in_every_field()
    {
        var (user, token) = await Sandbox.RejectedUserAsync();
        var details = Adult.Details with { FullName = "x'); DELETE FROM users; --", Region = "C'N", DocumentNumber = "1' OR '1'='1" };

        var answer = await Sandbox.App.SubmitAsync(token, details, Adult.Front(), Adult.Back());

        answer.Status.Should().Be(HttpStatusCode.BadRequest, "region and number are malformed");
        (await Sandbox.TestData.GetVerificationAsync(user.UserId)).AttemptsUsed.Should().Be(1);
        (await Sandbox.App.LogInAsync(user)).Should().NotBeEmpty("the users table is still there");
    }

    [Test]
    public async Task The_portal_shows_a_stored_script_name_and_comment_as_text_never_as_markup()
    {
        var user = await SeedRejectedWithNameAsync(ScriptName, moderationComment: AttributeBreaker + ScriptName);
        using var portal = new HardeningPortalVisitor(Sandbox.Http.BaseAddress!);
        await portal.LogInAsync(user);

        var (formStatus, form, _) = await portal.OpenAsync("account/verification/form");
        var (statusStatus, status, _) = await portal.OpenAsync("account/verification");

        formStatus.Should().Be(HttpStatusCode.OK);
        statusStatus.Should().Be(HttpStatusCode.OK);
        form.Should().Contain("data-testid=\"field-fullName\" value=\"&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;\"", "the pre-filled name is attribute-encoded");
        form.Should().NotContain(ScriptName).And.NotContain("<script>alert");
        status.Should().Contain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;", "the moderation comment is shown as text");
        status.Should().NotContain("<img src=x").And.NotContain("<script>alert");
    }

    [Test]
    public async Task The_app_api_returns_a_stored_script_name_as_json_text_for_the_app_to_show_with_textContent()
    {
        var user = await SeedRejectedWithNameAsync(ScriptName, moderationComment: AttributeBreaker);
        var token = await Sandbox.App.LogInAsync(user);

        using var response = await GetAsync("api/v1/verification", token);
        var raw = await response.Content.ReadAsStringAsync();

        // JSON text is never markup: served as application/json with nosniff, and the app puts it in the page with textContent.
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        var view = JsonDocument.Parse(raw).RootElement;
        view.GetProperty("prefill").GetProperty("fullName").GetString().Should().Be(ScriptName);
        view.GetProperty("moderationComment").GetString().Should().Be(AttributeBreaker);
    }

    [TestCase("Zhang\u200FWei")]
    [TestCase("a")]
    public async Task The_test_data_api_applies_the_same_name_rules_to_seeded_details(string name)
    {
        var body = SeedBody(name.Length == 1 ? new string('a', 101) : name, null);

        using var response = await Sandbox.Http.SendAsync(TestDataRequest(body));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("fullName");
    }

    [Test]
    public async Task Seeded_details_pass_the_forms_rules_and_are_stored_as_the_form_stores_them()
    {
        var passport = await SeedAsync(new
        {
            region = " cn\t",
            documentType = "PASSPORT",
            fullName = " Li\tWei\n" + new string(' ', 10_000) + "Zhang ",
            documentNumber = " e7654321 ",
            dateOfBirth = " 1990-01-02\n",
        });
        var idCard = await SeedAsync(new { region = "CN", documentType = "id_card", fullName = "张伟", documentNumber = "11010519491231002x", dateOfBirth = "\t1949-12-31 " });

        (await StoredDetailsAsync(passport)).Should().Be(new AttemptDetailsRecord("CN", "passport", "Li Wei Zhang", "E7654321", new DateOnly(1990, 1, 2)));
        (await StoredDetailsAsync(idCard)).Should().Be(new AttemptDetailsRecord("CN", "id_card", "张伟", "11010519491231002X", new DateOnly(1949, 12, 31)));
    }

    [TestCase("1990-02-30")]
    [TestCase("31/12/1990")]
    [TestCase("1990-1-2")]
    [TestCase("1990-01-02T00:00")]
    [TestCase(" ")]
    [TestCase("1899-12-31")]
    [TestCase("tomorrow")]
    public async Task A_seeded_date_of_birth_the_form_refuses_is_a_400_naming_it_and_creates_nothing(string dateOfBirth)
    {
        if (dateOfBirth == "tomorrow")
        {
            dateOfBirth = DateOnly.FromDateTime((await Sandbox.TestData.NowAsync()).UtcDateTime).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }

        var users = Sandbox.CountRows("users");
        var body = SeedBody(null, new { region = "CN", documentType = "passport", fullName = "Li Wei", documentNumber = "E7654321", dateOfBirth });

        using var response = await Sandbox.Http.SendAsync(TestDataRequest(body));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, $"'{dateOfBirth}' is not a date the form takes");
        (await response.Content.ReadAsStringAsync()).Should().Contain("dateOfBirth");
        Sandbox.CountRows("users").Should().Be(users, "no user is created for a refused seed");
        Sandbox.CountRows("verification_cases").Should().Be(Sandbox.CountRows("users"), "no account is left without its case");
    }

    private async Task<string> SeedAsync(object details) => (await CreateAsync(SeedBody(null, details))).GetProperty("userId").GetString()!;

    private async Task<JsonElement> CreateAsync(object body)
    {
        using var response = await Sandbox.Http.SendAsync(TestDataRequest(body));
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement;
    }

    private async Task<AttemptDetailsRecord> StoredDetailsAsync(string userId) =>
        (await Sandbox.TestData.GetVerificationAsync(userId)).Attempts[^1].Details!;

    private async Task<TestUser> SeedRejectedWithNameAsync(string name, string? moderationComment)
    {
        var created = await CreateAsync(SeedBody(name, moderationComment));
        return new TestUser(created.GetProperty("userId").GetString()!, created.GetProperty("email").GetString()!, created.GetProperty("password").GetString()!, "en");
    }

    private object SeedBody(string name, string? moderationComment) => SeedBody(moderationComment, new
    {
        region = "CN",
        documentType = Adult.Details.DocumentType,
        fullName = name,
        documentNumber = Adult.Details.DocumentNumber,
        dateOfBirth = Adult.Details.DateOfBirthText,
    });

    private static object SeedBody(string? moderationComment, object details) => new
    {
        locale = "en",
        verification = new
        {
            status = "rejected",
            reasons = new[] { "NAME_MISMATCH" },
            moderationComment,
            details,
        },
    };

    private HttpRequestMessage TestDataRequest(object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("test-api/users", UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.Add(TestDataClient.KeyHeader, Sandbox.TestApiKey);
        return request;
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return await Sandbox.Http.SendAsync(request);
    }
}
