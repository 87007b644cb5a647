using KycE2E.Automation.Configuration;
using KycE2E.Automation.Elements;
using KycE2E.Automation.Processes;
using KycE2E.Automation.Sessions;
using OpenQA.Selenium;
using OpenQA.Selenium.Remote;

namespace KycE2E.Automation.Mobile;

/// <summary>
/// One Appium session per worker, reused across scenarios with a clean app state in between (the session clears
/// cookies and storage as it ends); a session that failed a scenario is ended, not reused, and an idle session is
/// checked before it is handed out again.
/// </summary>
public sealed partial class AppiumSessionPool(MobileSettings settings, Uri appiumUrl, TimeSpan sessionTimeout, string? serverLog, LocatorMap? locators = null) : SessionPool<RemoteWebDriver>
{
    private static readonly TimeSpan StatusTimeout = TimeSpan.FromSeconds(3);
    private readonly HttpClient _status = new() { Timeout = StatusTimeout };

    public Uri AppiumUrl => appiumUrl;

    /// <summary>The log of the Appium server the run started, if it started one.</summary>
    public string? ServerLog => serverLog;

    public AppLocators Locators { get; } = AppLocators.Named(settings.Locators).With(locators ?? LocatorMap.None);

    public bool IsNativeApp => settings.IsNativeApp;

    /// <summary>Asks the server's /status before any session command: "Appium server unreachable" at once, not a session timeout.</summary>
    protected override async Task EnsureReachableAsync()
    {
        try
        {
            using var answer = await _status.GetAsync(new Uri(appiumUrl, "status"));
            if (answer.IsSuccessStatusCode)
            {
                return;
            }

            throw new EnvironmentSetupException($"Appium server unreachable at {appiumUrl}: /status answered {(int)answer.StatusCode}.");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            throw new EnvironmentSetupException($"Appium server unreachable at {appiumUrl}: {e.Message}", e);
        }
    }

    protected override async Task<RemoteWebDriver> StartAsync()
    {
        try
        {
            return AppiumSessionFactory.Create(settings, appiumUrl, sessionTimeout);
        }
        catch (Exception e) when (GridNodeUnreachable(e.Message) is { } node)
        {
            // A Selenium Grid hub sent the request to a node that has just died and that its health check has not yet
            // marked DOWN (the hub does not try another node itself): once the hub no longer offers it, ask again, once.
            await WaitUntilHubDropsAsync(node);
            return AppiumSessionFactory.Create(settings, appiumUrl, sessionTimeout);
        }
    }

    /// <summary>The node a Grid hub could not reach when it created a session ("Connection error (POST http://node/se/grid/node/session)"), or null.</summary>
    public static string? GridNodeUnreachable(string message) =>
        GridNodeConnectionError().Match(message) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>
    /// Whether this answer of a hub's /status still offers <paramref name="node"/> for new sessions (listed and UP); an
    /// answer that is not a Grid's says no.
    /// </summary>
    public static bool HubOffers(string statusJson, string node)
    {
        try
        {
            using var status = System.Text.Json.JsonDocument.Parse(statusJson);
            return status.RootElement.TryGetProperty("value", out var value) && value.TryGetProperty("nodes", out var nodes)
                && nodes.ValueKind == System.Text.Json.JsonValueKind.Array
                && nodes.EnumerateArray().Any(n => n.TryGetProperty("uri", out var uri) && string.Equals(uri.GetString()?.TrimEnd('/'), node, StringComparison.OrdinalIgnoreCase)
                    && n.TryGetProperty("availability", out var a) && a.GetString() == "UP");
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    /// <summary>Asks the hub's /status every 250 ms until it stops offering the node; after the session timeout, the retry goes ahead anyway.</summary>
    private async Task WaitUntilHubDropsAsync(string node)
    {
        using var limit = new CancellationTokenSource(sessionTimeout);
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        try
        {
            do
            {
                try
                {
                    using var answer = await _status.GetAsync(new Uri(appiumUrl, "status"), limit.Token);
                    if (!HubOffers(await answer.Content.ReadAsStringAsync(limit.Token), node))
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    return; // the hub itself is gone: the retry says so
                }
            }
            while (await tick.WaitForNextTickAsync(limit.Token));
        }
        catch (OperationCanceledException)
        {
            // the hub still offers it: the retry gets the hub's own answer
        }
    }

    /// <summary>
    /// One cheap command that needs the browser (its current URL), with the short status timeout rather than the
    /// session's. Only web-app sessions are pooled, so the command always applies.
    /// </summary>
    protected override async Task<bool> AnswersAsync(RemoteWebDriver driver)
    {
        if (driver.SessionId is not { } id)
        {
            return false;
        }

        try
        {
            using var answer = await _status.GetAsync(new Uri(appiumUrl, $"session/{id}/url"));
            return answer.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    protected override Task CloseAsync(RemoteWebDriver driver)
    {
        try
        {
            driver.Quit();
        }
        catch (WebDriverException)
        {
            // the session or the server is already gone
        }

        driver.Dispose();
        return Task.CompletedTask;
    }

    protected override ValueTask DisposeEngineAsync()
    {
        _status.Dispose();
        return ValueTask.CompletedTask;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"Connection error \(POST (https?://[^/\s)]+)/se/grid/node/session\)")]
    private static partial System.Text.RegularExpressions.Regex GridNodeConnectionError();
}
