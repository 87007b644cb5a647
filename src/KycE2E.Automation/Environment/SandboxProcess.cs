using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using KycE2E.Automation.Configuration;

using KycE2E.Automation.Processes;

namespace KycE2E.Automation.Environment;

/// <summary>The run's own sandbox: its build started on a free loopback port, with a fresh database and a per-run test-data key.</summary>
public static partial class SandboxProcess
{
    public static async Task<(ChildProcess Process, Uri BaseUrl, string TestApiKey)> StartAsync(
        SuiteSettings settings, string runDir, string? testApiKey = null, string? dataDir = null, CancellationToken cancel = default)
    {
        var dll = Locate(settings.Environment.SandboxPath);
        var key = testApiKey ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        dataDir ??= Path.Combine(runDir, "sandbox");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--urls", "http://127.0.0.1:0" },
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            Environment =
            {
                ["Sandbox__TestApiKey"] = key,
                ["Sandbox__DataDir"] = dataDir,
                ["Sandbox__ParentPid"] = System.Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                // Which pass of the run it serves: a deliberate first-attempt-only defect (docs/defects.md) needs to know.
                ["Sandbox__RunAttempt"] = settings.Run.Attempt.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["DOTNET_NOLOGO"] = "1",
            },
        };

        cancel.ThrowIfCancellationRequested();
        var (process, ready) = await ChildProcess.StartAsync("The sandbox", start, ListeningLine(), Path.Combine(runDir, "logs", "sandbox.log"), settings.Timeouts.Startup);
        var baseUrl = new Uri(ready.Groups["url"].Value.TrimEnd('/') + "/");
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = settings.Timeouts.Api };
        using var health = await http.GetAsync(new Uri("health", UriKind.Relative), cancel);
        if (!health.IsSuccessStatusCode)
        {
            await process.DisposeAsync();
            throw new EnvironmentSetupException($"The sandbox started at {baseUrl} but /health answered {(int)health.StatusCode}; see {process.LogPath}.");
        }

        return (process, baseUrl, key);
    }

    /// <summary>The sandbox's build beside the suite's: same configuration (Debug/Release) as the test assembly.</summary>
    public static string Locate(string configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured)
                ? Path.GetFullPath(configured)
                : throw new EnvironmentSetupException($"Environment:SandboxPath '{configured}' does not exist: build it with `dotnet build src/KycE2E.Sandbox` or clear the setting.");
        }

        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Debug";
        var dll = RepositoryLayout.Path("src", "KycE2E.Sandbox", "bin", configuration, "net10.0", "KycE2E.Sandbox.dll");
        return File.Exists(dll)
            ? dll
            : throw new EnvironmentSetupException($"The sandbox is not built at {dll}: run `dotnet build -c {configuration}` (./e2e run does).");
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://\S+)")]
    private static partial Regex ListeningLine();
}
