using KycE2E.Automation.Configuration;
using KycE2E.Automation.Elements;
using KycE2E.Automation.Mobile;
using KycE2E.Automation.Processes;

namespace KycE2E.UnitTests.Automation;

/// <summary>An environment's locator map: names from the catalogue, CSS selectors, one line for anything else.</summary>
public sealed class LocatorMapTests
{
    private const string Source = "runsettings/test.locators.json";

    [Test]
    public void A_mapped_element_is_found_by_its_selector_and_the_rest_by_the_catalogues_test_id()
    {
        var map = LocatorMap.Parse("""{"web": {"retry": "[data-qa='kyc-retry']", "field": "#kyc-{}"}, "app": {"status": ".status-pill"}}""", Source);

        map.Web(ElementCatalogue.Retry).Should().Be("[data-qa='kyc-retry']");
        map.Web(ElementCatalogue.Status).Should().BeNull();
        map.Web(ElementCatalogue.Field.For("idNumber")).Should().Be("#kyc-idNumber");
        map.App(ElementCatalogue.Status).Should().Be(".status-pill");
        map.App(ElementCatalogue.Retry).Should().BeNull();
        map.Count.Should().Be(3);
        LocatorMap.None.Web(ElementCatalogue.Retry).Should().BeNull();
    }

    [Test]
    public void One_member_of_a_family_wins_over_the_family()
    {
        var map = LocatorMap.Parse("""{"web": {"field": "#kyc-{}", "field(fullName)": "input[name=name]"}}""", Source);

        map.Web(ElementCatalogue.Field.For("fullName")).Should().Be("input[name=name]");
        map.Web(ElementCatalogue.Field.For("idNumber")).Should().Be("#kyc-idNumber");
    }

    [Test]
    public void The_app_finds_a_mapped_element_by_its_css_selector_or_in_a_native_build_by_accessibility_id()
    {
        var map = LocatorMap.Parse("""{"app": {"retry": "button.retry"}}""", Source);

        AppLocators.TestIds.With(map).For(AppScreens.VerificationStatus.Retry).Criteria.Should().Be("button.retry");
        AppLocators.TestIds.With(map).For(AppScreens.VerificationStatus.Status).Criteria.Should().Be("[data-testid='verification-status']");
        var native = AppLocators.AccessibilityIds.With(map).For(AppScreens.VerificationStatus.Retry);
        (native.Mechanism, native.Criteria).Should().Be(("accessibility id", "button.retry"));
    }

    [TestCase("""{"web": {"retyr": "#x"}}""",
        "Environment:LocatorMap runsettings/test.locators.json: \"retyr\" is not a catalogued element (did you mean \"retry\"? the names are in docs/environment-contract.md, section 4).")]
    [TestCase("""{"web": {"fild(idNumber)": "#x"}}""",
        "Environment:LocatorMap runsettings/test.locators.json: \"fild(idNumber)\" is not a catalogued element (did you mean \"field\"? the names are in docs/environment-contract.md, section 4).")]
    [TestCase("""{"web": {"retry": "[data-testid="}}""",
        "Environment:LocatorMap runsettings/test.locators.json: web \"retry\" selector [data-testid= is not a valid CSS selector.")]
    [TestCase("""{"app": {"status": "button:::retry"}}""",
        "Environment:LocatorMap runsettings/test.locators.json: app \"status\" selector button:::retry is not a valid CSS selector.")]
    [TestCase("""{"web": {"retry": " "}}""",
        "Environment:LocatorMap runsettings/test.locators.json: web \"retry\" has an empty selector.")]
    [TestCase("""{"web": {"field": "#kyc-name"}}""",
        "Environment:LocatorMap runsettings/test.locators.json: web \"field\" is a family of elements, one per field: its selector needs {} where the field's name goes.")]
    [TestCase("""{"ios": {"retry": "#x"}}""",
        "Environment:LocatorMap runsettings/test.locators.json: \"ios\" is not a client: use \"web\" or \"app\".")]
    public void A_map_the_run_cannot_use_stops_it_with_one_line_naming_the_entry(string json, string line) =>
        FluentActions.Invoking(() => LocatorMap.Parse(json, Source)).Should().Throw<SuiteConfigurationException>().Which.Message.Should().Be(line);

    [Test]
    public void A_file_that_is_not_a_map_or_not_there_is_refused_by_name()
    {
        FluentActions.Invoking(() => LocatorMap.Parse("""["retry"]""", Source)).Should().Throw<SuiteConfigurationException>()
            .WithMessage("Environment:LocatorMap runsettings/test.locators.json is not a map of {\"web\": {name: selector}, \"app\": {…}}: *");
        FluentActions.Invoking(() => LocatorMap.Load("/nonexistent/x.locators.json")).Should().Throw<SuiteConfigurationException>()
            .Which.Message.Should().Be("Environment:LocatorMap: no file /nonexistent/x.locators.json.");
        LocatorMap.Load("").Should().BeSameAs(LocatorMap.None);
    }

    [Test]
    public void A_native_builds_app_entries_are_accessibility_ids_and_not_read_as_css()
    {
        var map = LocatorMap.Parse("""{"app": {"retry": "Retry button [1]"}}""", Source, appSelectorsAreCss: false);

        map.App(ElementCatalogue.Retry).Should().Be("Retry button [1]");
    }

    [Test]
    public void Every_map_kept_in_runsettings_loads()
    {
        var maps = Directory.GetFiles(RepositoryLayout.Path("runsettings"), "*.locators.json");

        maps.Should().NotBeEmpty();
        foreach (var file in maps)
        {
            LocatorMap.Load(file).Count.Should().BeGreaterThan(0, $"{Path.GetFileName(file)} maps at least one element");
        }
    }

    [Test]
    public async Task A_call_that_needs_what_the_environment_lacks_is_never_sent_and_says_why()
    {
        var sent = new List<string>();
        var client = new KycE2E.Automation.TestData.TestDataClient(
            new HttpClient(new Recording(sent)) { BaseAddress = new Uri("http://environment.test/") }, "key") { Lacks = ["clock", "outbox"] };

        await FluentActions.Awaiting(() => client.AdvanceClockAsync(TimeSpan.FromMinutes(3), "u1")).Should()
            .ThrowAsync<KycE2E.Automation.TestData.CapabilityMissingException>().WithMessage("needs the clock moved ('clock'), which this environment lacks (Environment:Lacks)");
        await FluentActions.Awaiting(() => client.OutboxAsync("u1")).Should()
            .ThrowAsync<KycE2E.Automation.TestData.CapabilityMissingException>().WithMessage("needs the outbox read ('outbox'), which this environment lacks (Environment:Lacks)");
        string? told = null;
        client.OnMissing = reason => told = reason;
        await FluentActions.Awaiting(() => client.OutboxAsync("u1")).Should().ThrowAsync<KycE2E.Automation.TestData.CapabilityMissingException>();
        told.Should().Be("needs the outbox read ('outbox'), which this environment lacks (Environment:Lacks)");
        sent.Should().BeEmpty();

        await client.AddFaultAsync("upload-fail", "u1");
        sent.Should().Equal("POST /test-api/faults");
    }

    [TestCase("clock, faults", "")]
    [TestCase("clock,time", "Environment:Lacks 'time' is unknown: use any of clock, faults, outbox (comma-separated).")]
    public void Declared_lacks_are_names_of_the_optional_parts(string lacks, string error)
    {
        var load = () => SuiteConfiguration.Load([new("Environment:Lacks", lacks)], Path.GetTempPath());
        if (error.Length == 0)
        {
            load().Environment.LackedCapabilities.Should().Equal("clock", "faults");
        }
        else
        {
            load.Should().Throw<SuiteConfigurationException>().Which.Message.Should().Be(error);
        }
    }

    private sealed class Recording(List<string> sent) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            sent.Add($"{request.Method} {request.RequestUri!.AbsolutePath}");
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("{}") });
        }
    }
}
