using Microsoft.Extensions.Configuration;

namespace KycE2E.Automation.Configuration;

/// <summary>
/// Builds the run's settings. Sources, last wins: runsettings TestRunParameters, appsettings.json and
/// appsettings.{Profile}.json beside the tests, then KYCE2E_ environment variables (KYCE2E_Web__Headless=false).
/// </summary>
public static class SuiteConfiguration
{
    public const string EnvironmentPrefix = "KYCE2E_";

    public static readonly IReadOnlyList<string> Profiles = ["local", "ci", "staging", "device-farm"];

    public static SuiteSettings Load(IEnumerable<KeyValuePair<string, string?>> runParameters, string settingsDir)
    {
        var parameters = runParameters.ToList();
        var profile = Profile(parameters);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(parameters)
            .AddJsonFile(Path.Combine(settingsDir, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(settingsDir, $"appsettings.{profile}.json"), optional: true)
            .AddEnvironmentVariables(EnvironmentPrefix)
            .Build();

        var settings = new SuiteSettings();
        try
        {
            configuration.Bind(settings);
        }
        catch (InvalidOperationException e)
        {
            throw new SuiteConfigurationException($"A setting has a value of the wrong kind: {e.Message}{(e.InnerException is null ? "" : " " + e.InnerException.Message)}", e);
        }

        Validate(settings);
        return settings;
    }

    private static string Profile(List<KeyValuePair<string, string?>> parameters) =>
        System.Environment.GetEnvironmentVariable(EnvironmentPrefix + "Profile")
        ?? parameters.LastOrDefault(p => p.Key == "Profile").Value
        ?? "local";

    private static void Validate(SuiteSettings s)
    {
        if (!Profiles.Contains(s.Profile))
        {
            throw new SuiteConfigurationException($"Profile '{s.Profile}' is unknown: set Profile (or KYCE2E_Profile) to one of {string.Join(", ", Profiles)}.");
        }

        if (!s.Environment.StartsSandbox && !Uri.TryCreate(s.Environment.BaseUrl, UriKind.Absolute, out _))
        {
            throw new SuiteConfigurationException($"Environment:BaseUrl '{s.Environment.BaseUrl}' is not an absolute URL: set it to e.g. https://staging.example.test or leave it empty to start the sandbox.");
        }

        if (!s.Environment.StartsSandbox && string.IsNullOrWhiteSpace(s.Environment.TestApiKey))
        {
            throw new SuiteConfigurationException($"Environment:TestApiKey is missing for {s.Environment.BaseUrl}: export KYCE2E_Environment__TestApiKey=<key> (never put it in a file).");
        }

        if (s.Profile == "staging" && s.Environment.StartsSandbox)
        {
            throw new SuiteConfigurationException("Profile 'staging' needs Environment:BaseUrl: export KYCE2E_Environment__BaseUrl=<staging URL>.");
        }

        if (!s.Mobile.StartsAppium && !Uri.TryCreate(s.Mobile.AppiumUrl, UriKind.Absolute, out _))
        {
            throw new SuiteConfigurationException($"Mobile:AppiumUrl '{s.Mobile.AppiumUrl}' is not an absolute URL: set it to e.g. http://127.0.0.1:4723 or leave it empty to start Appium.");
        }

        if (s.Profile == "device-farm" && s.Mobile.StartsAppium)
        {
            throw new SuiteConfigurationException("Profile 'device-farm' needs Mobile:AppiumUrl, the farm's Appium endpoint: export KYCE2E_Mobile__AppiumUrl=https://<farm>/wd/hub (and its credentials as the farm documents).");
        }

        if (s.Mobile.IsNativeApp && s.Mobile.AutomationName is not ("UiAutomator2" or "XCUITest"))
        {
            throw new SuiteConfigurationException($"Mobile:AutomationName '{s.Mobile.AutomationName}' is unknown: use Chromium, UiAutomator2 or XCUITest.");
        }

        if (s.Mobile.IsNativeApp && string.IsNullOrWhiteSpace(s.Mobile.App) && string.IsNullOrWhiteSpace(s.Mobile.AppPackage) && string.IsNullOrWhiteSpace(s.Mobile.BundleId))
        {
            throw new SuiteConfigurationException("A native build needs Mobile:App (its path or URL on the farm), or Mobile:AppPackage / Mobile:BundleId of an installed build.");
        }

        if (s.Mobile.Locators is not ("testid" or "accessibility-id"))
        {
            throw new SuiteConfigurationException($"Mobile:Locators '{s.Mobile.Locators}' is unknown: use testid or accessibility-id.");
        }

        if (s.Environment.LackedCapabilities.FirstOrDefault(c => !Capabilities.All.Contains(c)) is { } lacked)
        {
            throw new SuiteConfigurationException($"Environment:Lacks '{lacked}' is unknown: use any of {string.Join(", ", Capabilities.All)} (comma-separated).");
        }

        if (s.Timeouts.ExpectSeconds <= 0 || s.Timeouts.StartupSeconds <= 0 || s.Timeouts.SessionSeconds <= 0 || s.Timeouts.ApiSeconds <= 0)
        {
            throw new SuiteConfigurationException("Timeouts:* must be whole numbers of seconds above 0.");
        }

        if (s.Run.Screenshots is not ("off" or "on-failure" or "every-step"))
        {
            throw new SuiteConfigurationException($"Run:Screenshots '{s.Run.Screenshots}' is unknown: use off, on-failure or every-step.");
        }

        if (s.Run.WarmupPlatforms.FirstOrDefault(p => p is not ("web" or "mobile")) is { } unknown)
        {
            throw new SuiteConfigurationException($"Run:Warmup '{unknown}' is unknown: use web, mobile or web,mobile (or leave it empty).");
        }

        if (s.Run.LogIn is not ("api" or "ui"))
        {
            throw new SuiteConfigurationException($"Run:LogIn '{s.Run.LogIn}' is unknown: use api (start logged in through the log-in call) or ui (through the log-in page).");
        }

        if (s.Web.WsEndpoints.FirstOrDefault(e => !Uri.TryCreate(e, UriKind.Absolute, out var u) || u.Scheme is not ("ws" or "wss")) is { } badEndpoint)
        {
            throw new SuiteConfigurationException($"Web:WsEndpoint '{badEndpoint}' is not a ws:// or wss:// URL: give one or several Playwright browser servers, separated by commas, or leave it empty to launch Chromium.");
        }

        if (s.Web.Trace is not ("on-failure" or "always" or "off"))
        {
            throw new SuiteConfigurationException($"Web:Trace '{s.Web.Trace}' is unknown: use on-failure, always or off.");
        }
    }
}

/// <summary>A setting the run cannot start with; its message names the setting and the fix.</summary>
public sealed class SuiteConfigurationException : Exception
{
    public SuiteConfigurationException(string message) : base(message)
    {
    }

    public SuiteConfigurationException(string message, Exception inner) : base(message, inner)
    {
    }

    public SuiteConfigurationException()
    {
    }
}
