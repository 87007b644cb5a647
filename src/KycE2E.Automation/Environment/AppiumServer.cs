using System.Diagnostics;
using System.Text.RegularExpressions;
using KycE2E.Automation.Configuration;

using KycE2E.Automation.Processes;

namespace KycE2E.Automation.Environment;

/// <summary>The run's own Appium server, from tools/appium (installed by `npm ci`), on a free loopback port.</summary>
public static partial class AppiumServer
{
    public static async Task<(ChildProcess Process, Uri Url)> StartAsync(SuiteSettings settings, string runDir)
    {
        var toolDir = RepositoryLayout.Path("tools", "appium");
        if (!Directory.Exists(Path.Combine(toolDir, "node_modules", "appium")))
        {
            throw new EnvironmentSetupException($"Appium is not installed in {toolDir}: run `npm ci --prefix tools/appium` (./e2e run does), or set Mobile:AppiumUrl to a running server.");
        }

        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo("setsid")
        {
            ArgumentList =
            {
                "node", Path.Combine(toolDir, "serve.mjs"), "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--parent-pid", System.Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            WorkingDirectory = toolDir,
        };
        var (process, ready) = await ChildProcess.StartAsync("The Appium server", start, ListenerLine(), Path.Combine(runDir, "logs", "appium.log"), settings.Timeouts.Startup);
        return (process, new Uri(ready.Groups["url"].Value.TrimEnd('/') + "/"));
    }

    [GeneratedRegex(@"listener started on (?<url>http://\S+)")]
    private static partial Regex ListenerLine();
}
