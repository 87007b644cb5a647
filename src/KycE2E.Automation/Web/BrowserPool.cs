using KycE2E.Automation.Configuration;
using KycE2E.Automation.Elements;
using KycE2E.Automation.Processes;
using KycE2E.Automation.Sessions;
using Microsoft.Playwright;

namespace KycE2E.Automation.Web;

/// <summary>
/// One Chromium per worker: a scenario rents a browser, gets a fresh context in it, and hands it back;
/// a browser that failed a scenario is thrown away rather than reused.
/// </summary>
public sealed class BrowserPool(WebSettings settings, LocatorMap? locators = null) : SessionPool<IBrowser>
{
    /// <summary>The environment's locator map: how its pages' elements are found where they differ from the catalogue.</summary>
    public LocatorMap Locators { get; } = locators ?? LocatorMap.None;

    private readonly SemaphoreSlim _start = new(1, 1);
    private IPlaywright? _playwright;
    private int _connected = -1;

    /// <summary>The version of the Chromium the pool launched, once it launched one.</summary>
    public string? BrowserVersion { get; private set; }

    protected override async Task<IBrowser> StartAsync()
    {
        var playwright = await PlaywrightAsync();
        if (!string.IsNullOrWhiteSpace(settings.WsEndpoint))
        {
            return await ConnectAsync(playwright);
        }

        if (!File.Exists(settings.BrowserPath))
        {
            throw new EnvironmentSetupException($"Chromium is not at {settings.BrowserPath}: `apt-get install chromium` (./e2e run does), or set Web:BrowserPath.");
        }

        try
        {
            var launched = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = settings.BrowserPath,
                Headless = settings.Headless,
                Args = ChromiumArguments.All,
            });
            BrowserVersion ??= launched.Version;
            return launched;
        }
        catch (PlaywrightException e)
        {
            throw new EnvironmentSetupException($"Chromium at {settings.BrowserPath} could not be launched: {e.Message.Split('\n')[0]}", e);
        }
    }

    protected override Task<bool> AnswersAsync(IBrowser browser) => Task.FromResult(browser.IsConnected);

    protected override Task CloseAsync(IBrowser browser) => browser.CloseAsync();

    protected override ValueTask DisposeEngineAsync()
    {
        _playwright?.Dispose();
        _start.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The next browser server of Web:WsEndpoint, round the list: browser i on server i mod n.</summary>
    private async Task<IBrowser> ConnectAsync(IPlaywright playwright)
    {
        var endpoint = settings.WsEndpointFor(Interlocked.Increment(ref _connected));
        try
        {
            var remote = await playwright.Chromium.ConnectAsync(endpoint, new BrowserTypeConnectOptions { Timeout = 15_000 });
            BrowserVersion ??= $"{remote.Version} (remote, {(settings.WsEndpoints.Count == 1 ? endpoint : $"{settings.WsEndpoints.Count} servers: {string.Join(", ", settings.WsEndpoints)}")})";
            return remote;
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            throw new EnvironmentSetupException($"Remote browser unreachable at {endpoint} (Web:WsEndpoint): {e.Message.Split('\n')[0]}", e);
        }
    }

    private async Task<IPlaywright> PlaywrightAsync()
    {
        if (_playwright is not null)
        {
            return _playwright;
        }

        await _start.WaitAsync();
        try
        {
            return _playwright ??= await Playwright.CreateAsync();
        }
        finally
        {
            _start.Release();
        }
    }
}
