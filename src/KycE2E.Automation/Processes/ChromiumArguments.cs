namespace KycE2E.Automation.Processes;

/// <summary>The switches every Chromium the run starts gets, the browser pool's and the one Appium's driver launches.</summary>
public static class ChromiumArguments
{
    public static readonly IReadOnlyList<string> All =
    [
        "--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-dev-shm-usage",
    ];
}
