using System.Net;
using System.Net.Http.Headers;
using System.Text;
using KycE2E.Automation.Identity;
using KycE2E.Automation.TestData;

namespace KycE2E.IntegrationTests.Sandbox;

/// <summary>Bad input gets a 4xx that says what is wrong, never a 500, and nothing is recorded.</summary>
public sealed class BadInputTests : SandboxTests
{
    private TestUser _user = null!;
    private string _token = "";
    private TestIdentity _identity = null!;

    [OneTimeSetUp]
    public async Task SeedUser()
    {
        (_user, _token) = await Sandbox.RejectedUserAsync();
        _identity = TestIdentity.Adult(Today);
    }

    [TearDown]
    public async Task NothingWasRecorded() =>
        (await Sandbox.TestData.GetVerificationAsync(_user.UserId)).AttemptsUsed.Should().Be(1, "a refused submission is never an attempt");

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string path, HttpContent content, bool testKey = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (testKey)
        {
            request.Headers.Add(TestDataClient.KeyHeader, Sandbox.TestApiKey);
        }
        else
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        }

        using var response = await Sandbox.Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private MultipartFormDataContent Form(FormDetails details, byte[]? front, string frontName = "front.jpg")
    {
        var form = AppApiClient.DetailsForm(details);
        form.Add(new ByteArrayContent(_identity.Back()!.Bytes.ToArray()), "backImage", "back.jpg");
        if (front is not null)
        {
            form.Add(new ByteArrayContent(front), "frontImage", frontName);
        }

        return form;
    }

    [TestCase("{bad json", "*could not be read*")]
    [TestCase("""{"verification":{"status":5}}""", "*could not be read*")]
    [TestCase("""{"verification":{"status":"sleeping"}}""", "*verification.status 'sleeping'*")]
    [TestCase("""{"locale":"xx-YY"}""", "*unknown locale*")]
    public async Task Unreadable_or_unknown_test_data_is_a_400_with_a_message(string json, string message)
    {
        var (status, body) = await PostAsync("test-api/users", new StringContent(json, Encoding.UTF8, "application/json"), testKey: true);

        status.Should().Be(HttpStatusCode.BadRequest);
        body.Should().Match(message);
    }

    [TestCase("clock/advance", """{"minutes":"NaN"}""", "minutes")]
    [TestCase("clock/advance", """{"minutes":"Infinity"}""", "minutes")]
    [TestCase("clock/advance", """{"minutes":"-Infinity"}""", "minutes")]
    [TestCase("clock/advance", """{"minutes":NaN}""", "minutes")]
    [TestCase("clock/advance", """{"minutes":-5}""", "minutes")]
    [TestCase("clock/advance", """{"minutes":1e308}""", "minutes")]
    [TestCase("clock/advance", """{"minutes":"1e400"}""", "minutes")]
    [TestCase("faults", """{"kind":"upload-latency","ms":"NaN"}""", "ms")]
    [TestCase("faults", """{"kind":"upload-latency","ms":"Infinity"}""", "ms")]
    [TestCase("faults", """{"kind":"upload-latency","ms":-1}""", "ms")]
    [TestCase("faults", """{"kind":"upload-latency","ms":1e12}""", "ms")]
    [TestCase("faults", """{"kind":"upload-latency","ms":2.5}""", "ms")]
    [TestCase("faults", """{"kind":"upload-fail","count":"NaN"}""", "count")]
    [TestCase("faults", """{"kind":"upload-fail","count":-1}""", "count")]
    [TestCase("faults", """{"kind":"upload-fail","count":99999999999}""", "count")]
    [TestCase("users", """{"verification":{"status":"rejected","attemptsUsed":"NaN"}}""", "attemptsUsed")]
    [TestCase("users", """{"verification":{"status":"rejected","attemptsUsed":"-Infinity"}}""", "attemptsUsed")]
    [TestCase("users", """{"verification":{"status":"rejected","attemptsUsed":-1}}""", "attemptsUsed")]
    [TestCase("users", """{"verification":{"status":"rejected","attemptsUsed":1e10}}""", "attemptsUsed")]
    [TestCase("users", """{"verification":{"status":"rejected","attemptsUsed":2.5}}""", "attemptsUsed")]
    public async Task A_numeric_test_data_input_that_is_not_a_sensible_number_is_a_400_naming_it_and_changes_nothing(string route, string json, string field)
    {
        var now = await Sandbox.TestData.NowAsync();
        var (users, faults) = (Sandbox.CountRows("users"), Sandbox.CountRows("faults"));

        var (status, body) = await PostAsync($"test-api/{route}", new StringContent(json, Encoding.UTF8, "application/json"), testKey: true);

        status.Should().Be(HttpStatusCode.BadRequest, body);
        body.Should().Contain(field);
        (await Sandbox.TestData.NowAsync()).Should().BeCloseTo(now, TimeSpan.FromMinutes(1), "the clock did not move");
        Sandbox.CountRows("users").Should().Be(users, "no user was created");
        Sandbox.CountRows("faults").Should().Be(faults, "no fault was added");
    }

    [Test]
    public async Task A_file_over_10_MB_is_refused_as_too_large()
    {
        var huge = new byte[(10 * 1024 * 1024) + 1];
        _identity.Front().Bytes.Span.CopyTo(huge);

        var (status, body) = await PostAsync("api/v1/verification/attempts", Form(_identity.Details, huge));

        status.Should().Be(HttpStatusCode.BadRequest);
        body.Should().Contain("file_too_large");
    }

    [TestCase(new byte[0], "required")]
    [TestCase(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "file_type")]
    [TestCase(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00 }, "file_type")]
    public async Task Empty_and_non_image_files_are_refused(byte[] content, string code)
    {
        var (status, body) = await PostAsync("api/v1/verification/attempts", Form(_identity.Details, content, "../../etc/passwd.jpg"));

        status.Should().Be(HttpStatusCode.BadRequest);
        body.Should().Contain($"\"frontImage\":\"{code}\"");
    }

    [Test]
    public async Task An_overlong_name_and_an_unknown_document_type_are_named()
    {
        var details = _identity.Details with { FullName = new string('张', 10_000), DocumentType = "driving_licence" };

        var (status, body) = await PostAsync("api/v1/verification/attempts", Form(details, _identity.Front().Bytes.ToArray()));

        status.Should().Be(HttpStatusCode.BadRequest);
        body.Should().Contain("\"fullName\":\"name_too_long\"").And.Contain("\"documentType\":\"document_type_invalid\"");
    }

    [Test]
    public async Task A_submission_that_is_not_a_form_is_a_415()
    {
        var (status, body) = await PostAsync("api/v1/verification/attempts", new StringContent("{}", Encoding.UTF8, "application/json"));

        status.Should().Be(HttpStatusCode.UnsupportedMediaType);
        body.Should().Contain("multipart/form-data");
    }

    [Test]
    public async Task Login_with_missing_fields_is_a_400_and_with_a_wrong_password_a_401()
    {
        using var missing = await Sandbox.Http.PostAsync(new Uri("api/v1/auth/login", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"));
        using var wrong = await Sandbox.Http.PostAsync(new Uri("api/v1/auth/login", UriKind.Relative), new StringContent($$"""{"email":"{{_user.Email}}","password":"nope"}""", Encoding.UTF8, "application/json"));

        missing.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        wrong.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
