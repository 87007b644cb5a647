using KycE2E.Automation.Artifacts;
using KycE2E.Automation.Configuration;
using KycE2E.Automation.Journeys;
using KycE2E.Automation.Sessions;
using Microsoft.Playwright;

namespace KycE2E.Automation.Web;

/// <summary>One scenario on the website: a fresh browser context with its own trace, in a rented browser.</summary>
public sealed class WebSession : IPlatformSession
{
    private readonly BrowserPool _pool;
    private readonly IBrowser _browser;
    private readonly WebSettings _settings;
    private readonly ScenarioArtifacts _artifacts;

    private WebSession(BrowserPool pool, IBrowser browser, IBrowserContext context, IPage page, WebSettings settings, ScenarioArtifacts artifacts)
    {
        _pool = pool;
        _browser = browser;
        _settings = settings;
        Context = context;
        Page = page;
        _artifacts = artifacts;
        var journey = new WebVerificationJourney(page, pool.Locators);
        Actions = journey;
        Expectations = journey;
    }

    public Platform Platform => Platform.Web;

    public IVerificationActions Actions { get; }

    public IVerificationExpectations Expectations { get; }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public static async Task<WebSession> StartAsync(BrowserPool pool, SuiteSettings settings, Uri baseUrl, ScenarioArtifacts artifacts)
    {
        // A browser that died idle in the pool a moment ago still counts as connected until Playwright hears of it:
        // its first command fails. It is thrown away and the scenario gets a new browser, once.
        for (var attempt = 1; ; attempt++)
        {
            var browser = await pool.RentAsync();
            try
            {
                return await OpenAsync(pool, browser, settings, baseUrl, artifacts);
            }
            catch (PlaywrightException)
            {
                await pool.ReturnAsync(browser, healthy: false);
                if (attempt > 1 || !IsBrowserGone(browser))
                {
                    throw;
                }
            }
        }
    }

    /// <summary>
    /// Screenshot, page HTML and trace into the scenario's folder. What cannot be captured (the browser crashed) is
    /// said in capture-error.txt, with the last page the scenario was on; capturing never fails the hooks.
    /// </summary>
    public async Task CaptureFailureAsync()
    {
        var problems = new List<string>();
        if (Page.IsClosed)
        {
            problems.Add("the page was already closed, so there is no screenshot or page HTML");
        }
        else
        {
            await TryAsync(problems, "screenshot", () => Page.ScreenshotAsync(new PageScreenshotOptions { Path = _artifacts.PathFor("screenshot.png"), FullPage = true }));
            await TryAsync(problems, "page HTML", async () => await _artifacts.SaveAsync("page.html", await Page.ContentAsync()));
        }

        await TryAsync(problems, "trace", () => StopTraceAsync(_artifacts.PathFor("trace.zip")));
        if (problems.Count > 0)
        {
            var state = _browser.IsConnected ? "the browser was still connected" : "the browser had disconnected (it crashed or was killed)";
            await _artifacts.SaveAsync("capture-error.txt",
                $"The web page could not be fully captured: {state}. Last page: {Page.Url}\n- {string.Join("\n- ", problems)}\n");
        }
    }

    public async Task<bool> TryScreenshotAsync(string path)
    {
        try
        {
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
            return true;
        }
        catch (PlaywrightException)
        {
            return false;
        }
    }

    public async Task EndAsync(bool failed)
    {
        var healthy = !failed;
        try
        {
            if (_settings.Trace == "always" && !failed)
            {
                await StopTraceAsync(_artifacts.PathFor("trace.zip"));
            }

            await Context.CloseAsync();
        }
        catch (PlaywrightException) when (IsBrowserGone(_browser))
        {
            healthy = false; // nothing is left to close, and the pool drops the browser
        }
        finally
        {
            await _pool.ReturnAsync(_browser, healthy && _browser.IsConnected);
        }
    }

    private bool _traceStopped;

    private async Task StopTraceAsync(string path)
    {
        if (_settings.Trace == "off" || _traceStopped)
        {
            return;
        }

        _traceStopped = true;
        await Context.Tracing.StopAsync(new TracingStopOptions { Path = path });
    }

    private static async Task<WebSession> OpenAsync(BrowserPool pool, IBrowser browser, SuiteSettings settings, Uri baseUrl, ScenarioArtifacts artifacts)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        context.SetDefaultTimeout((float)settings.Timeouts.Expect.TotalMilliseconds);
        if (settings.Web.Trace != "off")
        {
            await context.Tracing.StartAsync(new TracingStartOptions { Screenshots = settings.Web.TraceScreenshots, Snapshots = true, Sources = false });
        }

        return new WebSession(pool, browser, context, await context.NewPageAsync(), settings.Web, artifacts);
    }

    // When a command fails because the browser went away, Playwright has marked it disconnected by the time the error arrives.
    private static bool IsBrowserGone(IBrowser browser) => !browser.IsConnected;

    private static async Task TryAsync(List<string> problems, string what, Func<Task> capture)
    {
        try
        {
            await capture();
        }
        catch (PlaywrightException e)
        {
            problems.Add($"{what}: {e.Message.Split('\n')[0]}");
        }
    }
}
