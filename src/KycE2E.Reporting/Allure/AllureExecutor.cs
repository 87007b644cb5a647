using System.Globalization;

namespace KycE2E.Reporting.Allure;

/// <summary>executor.json: where the run ran (the CI job and its build page, or this machine).</summary>
public sealed record AllureExecutor(string Name, string Type, string? Url, int? BuildOrder, string BuildName, string? BuildUrl, string ReportName)
{
    /// <summary>From the CI's variables: GitHub Actions, another CI (CI=true, with BUILD_URL or CI_JOB_URL when set), else local.</summary>
    public static AllureExecutor From(Func<string, string?> variable, string runName)
    {
        string? Get(string name) => variable(name) is { Length: > 0 } value ? value : null;
        if (Get("GITHUB_ACTIONS") == "true" && Get("GITHUB_SERVER_URL") is { } server && Get("GITHUB_REPOSITORY") is { } repository)
        {
            var number = Get("GITHUB_RUN_NUMBER");
            return new AllureExecutor(
                "GitHub Actions",
                "github",
                $"{server}/{repository}",
                int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var order) ? order : null,
                $"{Get("GITHUB_WORKFLOW") ?? "e2e"} #{number ?? runName}",
                Get("GITHUB_RUN_ID") is { } runId ? $"{server}/{repository}/actions/runs/{runId}" : null,
                "KycE2E");
        }

        if (Get("CI") is { } ci && ci.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return new AllureExecutor("CI", "ci", null, null, runName, Get("BUILD_URL") ?? Get("CI_JOB_URL"), "KycE2E");
        }

        return new AllureExecutor($"local ({Environment.MachineName})", "local", null, null, runName, null, "KycE2E");
    }
}
