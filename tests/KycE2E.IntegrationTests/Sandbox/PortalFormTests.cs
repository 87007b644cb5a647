using System.Net;
using System.Text.RegularExpressions;
using KycE2E.Automation.Identity;
using KycE2E.Automation.TestData;

namespace KycE2E.IntegrationTests.Sandbox;

/// <summary>The portal's verification form posted as a browser posts it without the page's script: the answer is the page, errors tied to their fields.</summary>
public sealed partial class PortalFormTests : SandboxTests
{
    [Test]
    public async Task A_wrong_ID_check_character_comes_back_on_the_page_described_by_its_error()
    {
        var user = await Sandbox.TestData.CreateUserAsync(new NewUser("en", Verification: new VerificationSeed("rejected", ["PHOTO_BLURRY"])));
        using var portal = new HardeningPortalVisitor(Sandbox.Http.BaseAddress!);
        await portal.LogInAsync(user);
        var number = Adult.Details.DocumentNumber;
        var wrongCheck = number[..^1] + (number[^1] == '0' ? "1" : "0");

        var (status, html) = await PostFormAsync(portal, Adult.Details with { DocumentNumber = wrongCheck });

        status.Should().Be(HttpStatusCode.BadRequest);
        var field = Tag(html, "field-documentNumber");
        var error = Tag(html, "error-documentNumber");
        Attribute(field, "aria-invalid").Should().Be("true");
        Attribute(error, "id").Should().NotBeNullOrEmpty();
        Attribute(field, "aria-describedby").Should().Be(Attribute(error, "id"), "the message is tied to its field");
        Attribute(error, "data-error").Should().Be("id_number_check");
        Attribute(error, "hidden").Should().BeNull("the error is shown");
        Attribute(field, "value").Should().Be(wrongCheck, "what she typed is kept");
        foreach (var other in new[] { "region", "documentType", "fullName", "dateOfBirth", "frontImage", "backImage" })
        {
            Attribute(Tag(html, $"field-{other}"), "aria-invalid").Should().BeNull(other);
            Attribute(Tag(html, $"field-{other}"), "aria-describedby").Should().BeNull(other);
        }

        (await Sandbox.TestData.GetVerificationAsync(user.UserId)).AttemptsUsed.Should().Be(1, "a form error is never an attempt");
    }

    [Test]
    public async Task A_correct_form_posted_without_the_script_is_recorded_and_leads_to_the_status_page()
    {
        var user = await Sandbox.TestData.CreateUserAsync(new NewUser("en", Verification: new VerificationSeed("rejected", ["PHOTO_BLURRY"])));
        using var portal = new HardeningPortalVisitor(Sandbox.Http.BaseAddress!);
        await portal.LogInAsync(user);

        using var content = await FormContentAsync(portal, Adult.Details);
        using var response = await portal.Http.PostAsync(new Uri("account/verification/form", UriKind.Relative), content);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/account/verification");
        (await Sandbox.TestData.GetVerificationAsync(user.UserId)).Status.Should().Be("pending");
    }

    [Test]
    public async Task The_form_posted_to_its_page_without_its_antiforgery_token_is_a_400_and_records_nothing()
    {
        var user = await Sandbox.TestData.CreateUserAsync(new NewUser("en", Verification: new VerificationSeed("rejected", ["PHOTO_BLURRY"])));
        using var portal = new HardeningPortalVisitor(Sandbox.Http.BaseAddress!);
        await portal.LogInAsync(user);
        using var content = AppApiClient.DetailsForm(Adult.Details);
        content.Add(new ByteArrayContent(Adult.Front().Bytes.ToArray()), "frontImage", "front.jpg");
        content.Add(new ByteArrayContent(Adult.Back()!.Bytes.ToArray()), "backImage", "back.jpg");

        using var response = await portal.Http.PostAsync(new Uri("account/verification/form", UriKind.Relative), content);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Sandbox.TestData.GetVerificationAsync(user.UserId)).AttemptsUsed.Should().Be(1);
    }

    [Test]
    public async Task The_sixth_form_in_a_day_posted_without_the_script_comes_back_with_the_lock_and_its_time()
    {
        var user = await Sandbox.TestData.CreateUserAsync(new NewUser("en", Verification: new VerificationSeed("rejected", ["PHOTO_BLURRY"], AttemptsUsed: 5)));
        using var portal = new HardeningPortalVisitor(Sandbox.Http.BaseAddress!);
        await portal.LogInAsync(user);

        var (status, html) = await PostFormAsync(portal, Adult.Details);

        status.Should().Be(HttpStatusCode.TooManyRequests);
        var lockedUntil = (await Sandbox.TestData.GetVerificationAsync(user.UserId)).LockedUntil!.Value;
        var refusal = Regex.Match(html, "data-testid=\"form-error\" data-code=\"attempts_exceeded\">(?<text>[^<]*)<");
        refusal.Success.Should().BeTrue("the page says why the form was refused");
        WebUtility.HtmlDecode(refusal.Groups["text"].Value).Should().Contain(lockedUntil.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm 'UTC+8'", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Test]
    public async Task The_form_page_ties_no_field_to_an_error_before_one_is_found()
    {
        var user = await Sandbox.TestData.CreateUserAsync(new NewUser("en", Verification: new VerificationSeed("rejected", ["PHOTO_BLURRY"])));
        using var portal = new HardeningPortalVisitor(Sandbox.Http.BaseAddress!);
        await portal.LogInAsync(user);

        var (_, html, _) = await portal.OpenAsync("account/verification/form");

        foreach (var name in new[] { "region", "documentType", "fullName", "documentNumber", "dateOfBirth", "frontImage", "backImage" })
        {
            Attribute(Tag(html, $"field-{name}"), "aria-describedby").Should().BeNull(name);
            Attribute(Tag(html, $"error-{name}"), "id").Should().Be($"{name}-error", "the script ties the message to its field by this id");
            Attribute(Tag(html, $"error-{name}"), "hidden").Should().NotBeNull(name);
        }
    }

    private async Task<(HttpStatusCode Status, string Html)> PostFormAsync(HardeningPortalVisitor portal, FormDetails details)
    {
        using var content = await FormContentAsync(portal, details);
        using var response = await portal.Http.PostAsync(new Uri("account/verification/form", UriKind.Relative), content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The form as the page's own submit button posts it without the script: details, photos and its antiforgery token.</summary>
    private async Task<MultipartFormDataContent> FormContentAsync(HardeningPortalVisitor portal, FormDetails details)
    {
        var (_, _, token) = await portal.OpenAsync("account/verification/form");
        var content = AppApiClient.DetailsForm(details);
        content.Add(new ByteArrayContent(Adult.Front().Bytes.ToArray()), "frontImage", "front.jpg");
        content.Add(new ByteArrayContent(Adult.Back()!.Bytes.ToArray()), "backImage", "back.jpg");
        content.Add(new StringContent(token!), HardeningPortalVisitor.AntiforgeryField);
        return content;
    }

    /// <summary>The start tag of the element with this data-testid.</summary>
    private static string Tag(string html, string testId)
    {
        var match = Regex.Match(html, $"<[a-z]+\\b[^>]*\\bdata-testid=\"{Regex.Escape(testId)}\"[^>]*>");
        match.Success.Should().BeTrue("the page has an element {0}", testId);
        return match.Value;
    }

    /// <summary>An attribute's value ("" when it has none), or null when the tag does not carry it.</summary>
    private static string? Attribute(string tag, string name)
    {
        var match = AttributeOf().Matches(tag).FirstOrDefault(m => m.Groups["name"].Value == name);
        return match is null ? null : WebUtility.HtmlDecode(match.Groups["value"].Value);
    }

    [GeneratedRegex("\\s(?<name>[a-zA-Z-]+)(?:=\"(?<value>[^\"]*)\")?")]
    private static partial Regex AttributeOf();
}
