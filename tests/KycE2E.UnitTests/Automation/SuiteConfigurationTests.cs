using KycE2E.Automation.Configuration;

namespace KycE2E.UnitTests.Automation;

[NonParallelizable] // environment variables are process-wide
public sealed class SuiteConfigurationTests
{
    private string _dir = "";

    [SetUp]
    public void CreateSettingsFolder()
    {
        _dir = Directory.CreateTempSubdirectory("kyce2e-config-").FullName;
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(n => n.StartsWith(SuiteConfiguration.EnvironmentPrefix, StringComparison.Ordinal)))
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [TearDown]
    public void RemoveSettingsFolder()
    {
        Directory.Delete(_dir, recursive: true);
        Environment.SetEnvironmentVariable("KYCE2E_Web__Headless", null);
        Environment.SetEnvironmentVariable("KYCE2E_Profile", null);
        Environment.SetEnvironmentVariable("KYCE2E_Timeouts__ExpectSeconds", null);
    }

    private static KeyValuePair<string, string?>[] Params(params (string Key, string Value)[] p) =>
        [.. p.Select(x => new KeyValuePair<string, string?>(x.Key, x.Value))];

    [Test]
    public void Defaults_start_the_sandbox_and_Appium_headless()
    {
        var s = SuiteConfiguration.Load([], _dir);

        s.Profile.Should().Be("local");
        s.Environment.StartsSandbox.Should().BeTrue();
        s.Mobile.StartsAppium.Should().BeTrue();
        s.Web.Headless.Should().BeTrue();
        s.Mobile.Device.Should().Be("Pixel 7");
    }

    [Test]
    public void Appsettings_override_runsettings_and_environment_variables_override_both()
    {
        File.WriteAllText(Path.Combine(_dir, "appsettings.json"), """{ "Timeouts": { "ExpectSeconds": 7 }, "Web": { "Headless": false } }""");
        Environment.SetEnvironmentVariable("KYCE2E_Web__Headless", "true");

        var s = SuiteConfiguration.Load(Params(("Timeouts:ExpectSeconds", "3"), ("Web:Headless", "false"), ("Mobile:Device", "iPhone 14 Pro Max")), _dir);

        s.Timeouts.ExpectSeconds.Should().Be(7, "appsettings.json comes after the runsettings");
        s.Web.Headless.Should().BeTrue("KYCE2E_ variables come last");
        s.Mobile.Device.Should().Be("iPhone 14 Pro Max", "nothing later sets it");
    }

    [Test]
    public void A_profile_file_is_read_for_the_selected_profile_only()
    {
        File.WriteAllText(Path.Combine(_dir, "appsettings.ci.json"), """{ "Timeouts": { "ExpectSeconds": 20 } }""");

        SuiteConfiguration.Load(Params(("Profile", "ci")), _dir).Timeouts.ExpectSeconds.Should().Be(20);
        SuiteConfiguration.Load(Params(("Profile", "local")), _dir).Timeouts.ExpectSeconds.Should().Be(10);
    }

    [Test]
    public void An_unknown_profile_is_named_with_the_fix()
    {
        var load = () => SuiteConfiguration.Load(Params(("Profile", "prod")), _dir);

        load.Should().Throw<SuiteConfigurationException>().WithMessage("*Profile 'prod' is unknown*local, ci, staging*");
    }

    [Test]
    public void Staging_without_a_URL_or_key_says_which_variable_to_export()
    {
        var noUrl = () => SuiteConfiguration.Load(Params(("Profile", "staging")), _dir);
        var noKey = () => SuiteConfiguration.Load(Params(("Profile", "staging"), ("Environment:BaseUrl", "https://staging.example.test")), _dir);

        noUrl.Should().Throw<SuiteConfigurationException>().WithMessage("*KYCE2E_Environment__BaseUrl*");
        noKey.Should().Throw<SuiteConfigurationException>().WithMessage("*KYCE2E_Environment__TestApiKey*never put it in a file*");
    }

    [Test]
    public void A_malformed_value_is_reported_as_a_configuration_error()
    {
        Environment.SetEnvironmentVariable("KYCE2E_Timeouts__ExpectSeconds", "soon");

        var load = () => SuiteConfiguration.Load([], _dir);

        load.Should().Throw<SuiteConfigurationException>().WithMessage("*wrong kind*");
    }

    [TestCase("Web:Trace", "sometimes", "*Web:Trace*on-failure, always or off*")]
    [TestCase("Environment:BaseUrl", "not a url", "*Environment:BaseUrl*absolute URL*")]
    [TestCase("Mobile:AppiumUrl", "4723", "*Mobile:AppiumUrl*absolute URL*")]
    [TestCase("Timeouts:ExpectSeconds", "0", "*Timeouts:*above 0*")]
    [TestCase("Run:LogIn", "cookie", "Run:LogIn 'cookie' is unknown: use api*or ui*")]
    [TestCase("Web:WsEndpoint", "ws://127.0.0.1:3000/a, http://127.0.0.1:3001/b", "Web:WsEndpoint 'http://127.0.0.1:3001/b' is not a ws:// or wss:// URL*")]
    public void Bad_values_name_the_setting(string key, string value, string message)
    {
        var load = () => SuiteConfiguration.Load(Params((key, value)), _dir);

        load.Should().Throw<SuiteConfigurationException>().WithMessage(message);
    }

    [Test]
    public void Warm_up_takes_a_list_of_platforms_and_names_the_setting_when_one_is_unknown()
    {
        SuiteConfiguration.Load(Params(("Run:Warmup", " Web , mobile,web")), _dir).Run.WarmupPlatforms.Should().Equal("web", "mobile");
        SuiteConfiguration.Load([], _dir).Run.WarmupPlatforms.Should().BeEmpty();

        var load = () => SuiteConfiguration.Load(Params(("Run:Warmup", "web,tablet")), _dir);

        load.Should().Throw<SuiteConfigurationException>().WithMessage("Run:Warmup 'tablet' is unknown*web, mobile*");
    }

    [Test]
    public void Scenarios_not_about_logging_in_start_logged_in_through_the_api_unless_told_otherwise()
    {
        SuiteConfiguration.Load([], _dir).Run.LogIn.Should().Be("api");
        SuiteConfiguration.Load(Params(("Run:LogIn", "ui")), _dir).Run.LogIn.Should().Be("ui");
    }

    [Test]
    public void Several_browser_servers_are_spread_over_the_workers_browser_i_on_server_i_mod_n()
    {
        var web = SuiteConfiguration.Load(Params(("Web:WsEndpoint", " ws://127.0.0.1:3000/a,ws://127.0.0.1:3001/b  ws://10.0.0.7:3000/c ")), _dir).Web;

        web.WsEndpoints.Should().Equal("ws://127.0.0.1:3000/a", "ws://127.0.0.1:3001/b", "ws://10.0.0.7:3000/c");
        Enumerable.Range(0, 7).Select(web.WsEndpointFor).Should().Equal(
            "ws://127.0.0.1:3000/a", "ws://127.0.0.1:3001/b", "ws://10.0.0.7:3000/c",
            "ws://127.0.0.1:3000/a", "ws://127.0.0.1:3001/b", "ws://10.0.0.7:3000/c", "ws://127.0.0.1:3000/a");
        SuiteConfiguration.Load(Params(("Web:WsEndpoint", "ws://127.0.0.1:3000/a")), _dir).Web.WsEndpointFor(5).Should().Be("ws://127.0.0.1:3000/a");
        SuiteConfiguration.Load([], _dir).Web.WsEndpoints.Should().BeEmpty();
    }
}
