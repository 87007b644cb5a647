using System.Collections.Concurrent;
using Microsoft.Playwright;
using KycE2E.Automation.Configuration;
using KycE2E.Automation.Environment;

namespace KycE2E.Automation.Web;

/// <summary>
/// One Chromium per worker: a scenario rents a browser, gets a fresh context in it, and hands it back;
/// a browser that failed a scenario is thrown away rather than reused.
/// </summary>
public sealed class BrowserPool(WebSettings settings) : IAsyncDisposable
{
    public static readonly IReadOnlyList<string> ChromiumArgs =
    [
        "--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-dev-shm-usage",
    ];

    private readonly ConcurrentBag<IBrowser> _idle = [];
    private readonly ConcurrentDictionary<IBrowser, byte> _all = new();
    private readonly SemaphoreSlim _start = new(1, 1);
    private IPlaywright? _playwright;

    /// <summary>The version of the Chromium the pool launched, once it launched one.</summary>
    public string? BrowserVersion { get; private set; }

    public async Task<IBrowser> RentAsync()
    {
        while (_idle.TryTake(out var browser))
        {
            if (browser.IsConnected)
            {
                return browser;
            }

            _all.TryRemove(browser, out _);
        }

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
                Args = ChromiumArgs,
            });
            _all.TryAdd(launched, 0);
            BrowserVersion ??= launched.Version;
            return launched;
        }
        catch (PlaywrightException e)
        {
            throw new EnvironmentSetupException($"Chromium at {settings.BrowserPath} could not be launched: {e.Message.Split('\n')[0]}", e);
        }
    }

    public async Task ReturnAsync(IBrowser browser, bool healthy)
    {
        if (healthy && browser.IsConnected)
        {
            _idle.Add(browser);
            return;
        }

        _all.TryRemove(browser, out _);
        await browser.CloseAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var browser in _all.Keys)
        {
            await browser.CloseAsync();
        }

        _all.Clear();
        _playwright?.Dispose();
        _start.Dispose();
    }

    private async Task<IBrowser> ConnectAsync(IPlaywright playwright)
    {
        try
        {
            var remote = await playwright.Chromium.ConnectAsync(settings.WsEndpoint, new BrowserTypeConnectOptions { Timeout = 15_000 });
            _all.TryAdd(remote, 0);
            BrowserVersion ??= $"{remote.Version} (remote, {settings.WsEndpoint})";
            return remote;
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            throw new EnvironmentSetupException($"Remote browser unreachable at {settings.WsEndpoint} (Web:WsEndpoint): {e.Message.Split('\n')[0]}", e);
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
