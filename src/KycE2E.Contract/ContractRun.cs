using System.Diagnostics;
using System.Globalization;
using System.Xml.Linq;
using KycE2E.Automation.Configuration;
using KycE2E.Automation.Environment;
using KycE2E.Automation.Processes;
using KycE2E.Automation.TestData;

namespace KycE2E.Contract;

/// <summary>
/// The conformance check of docs/environment-contract.md: the environment of a profile (Environment:BaseUrl and
/// Environment:TestApiKey, or the run's own sandbox when none is configured), its /health, its test-data API and the
/// elements of its web pages and phone app, one line per capability. Exit 0 all present, 1 something missing or wrong,
/// 2 unreachable or not configurable.
/// </summary>
public static class ContractRun
{
    public const int ContractVersion = 1;

    public static async Task<int> ExecuteAsync(string profile, TextWriter output, TextWriter errors)
    {
        var clock = Stopwatch.StartNew();
        SuiteSettings settings;
        try
        {
            settings = SuiteConfiguration.Load(Parameters(profile), RepositoryLayout.Path("tests", "KycE2E.Specs"));
        }
        catch (SuiteConfigurationException e)
        {
            errors.WriteLine($"e2e: contract: {e.Message}");
            return 2;
        }

        settings.Run.Id = $"contract-{DateTime.UtcNow:yyyyMMdd-HHmmss}";
        settings.Run.Warmup = ""; // no Appium: the app is checked in a phone-profile browser context
        // The check asks for everything, whatever the runs are told the environment lacks: its lines say what is there.
        settings.Environment.Lacks = "";
        TestEnvironment environment;
        try
        {
            environment = await TestEnvironment.StartAsync(settings, RepositoryLayout.Root);
        }
        catch (Exception e) when (e is EnvironmentSetupException or SuiteConfigurationException)
        {
            errors.WriteLine($"e2e: contract: {e.Message}");
            return 2;
        }

        await using (environment)
        {
            var target = settings.Environment.StartsSandbox ? "the run's own sandbox" : "external";
            output.WriteLine($"e2e: contract {ContractVersion} (docs/environment-contract.md) against {environment.BaseUrl} ({target}, {settings.Profile} profile)");
            using var http = new HttpClient { BaseAddress = environment.BaseUrl, Timeout = settings.Timeouts.Api };
            var found = new List<Capability>();
            try
            {
                using (var health = await http.GetAsync(new Uri("health", UriKind.Relative)))
                {
                    found.Add(health.IsSuccessStatusCode
                        ? Capability.Present("health (GET /health)")
                        : Capability.Wrong("health (GET /health)", "200", ((int)health.StatusCode).ToString(CultureInfo.InvariantCulture)));
                }

                found.AddRange(await new ApiChecks(http, environment.TestApiKey).RunAsync(CancellationToken.None));
                Print(output, found);
                List<Capability> elements;
                try
                {
                    elements = await new ElementChecks(settings, environment.Browsers.Locators, environment.BaseUrl, environment.TestData, http, environment.TestApiKey).RunAsync();
                }
                catch (TestDataApiException e)
                {
                    elements = [Capability.Missing("elements (every catalogued element on web and app)", $"the users the pages need could not be seeded: {e.Message}")];
                }

                Print(output, elements);
                found.AddRange(elements);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                errors.WriteLine($"e2e: contract: environment unreachable: {environment.BaseUrl} stopped answering ({e.Message})");
                return 2;
            }
            catch (Microsoft.Playwright.PlaywrightException e)
            {
                errors.WriteLine($"e2e: contract: the browser could not start: {e.Message.Split('\n', 2)[0]} (check Web:BrowserPath, or ./e2e install)");
                return 2;
            }

            var notPresent = found.Count(c => c.Verdict != Verdict.Present);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"e2e: contract {ContractVersion}: {found.Count - notPresent} present, {found.Count(c => c.Verdict == Verdict.Missing)} missing, {found.Count(c => c.Verdict == Verdict.Wrong)} wrong, in {clock.Elapsed.TotalSeconds:0.0} s"));
            return Capability.ExitCode(found);
        }
    }

    private static void Print(TextWriter output, IEnumerable<Capability> found)
    {
        foreach (var c in found)
        {
            output.WriteLine("  " + c.Line);
        }
    }

    /// <summary>The profile's TestRunParameters (runsettings/NAME.runsettings), as dotnet test would hand them to the suite.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Parameters(string profile)
    {
        var file = RepositoryLayout.Path("runsettings", profile + ".runsettings");
        return XDocument.Load(file).Descendants("TestRunParameters").Elements("Parameter")
            .Select(p => new KeyValuePair<string, string?>((string?)p.Attribute("name") ?? "", (string?)p.Attribute("value")))
            .Where(p => p.Key.Length > 0)
            .ToList();
    }
}
