using Microsoft.Playwright;
using KycE2E.Automation.Artifacts;
using KycE2E.Automation.Configuration;

namespace KycE2E.Automation.Web;

/// <summary>One scenario on the website: a fresh browser context with its own trace, in a rented browser.</summary>
public sealed class WebSession
{
    private readonly BrowserPool _pool;
    private readonly IBrowser _browser;
    private readonly WebSettings _settings;

    private WebSession(BrowserPool pool, IBrowser browser, IBrowserContext context, IPage page, WebSettings settings)
    {
        _pool = pool;
        _browser = browser;
        _settings = settings;
        Context = context;
        Page = page;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public static async Task<WebSession> StartAsync(BrowserPool pool, SuiteSettings settings, Uri baseUrl)
    {
        var browser = await pool.RentAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        context.SetDefaultTimeout((float)settings.Timeouts.Expect.TotalMilliseconds);
        if (settings.Web.Trace != "off")
        {
            await context.Tracing.StartAsync(new TracingStartOptions { Screenshots = true, Snapshots = true, Sources = false });
        }

        return new WebSession(pool, browser, context, await context.NewPageAsync(), settings.Web);
    }

    /// <summary>Screenshot, page HTML and trace into the scenario's folder.</summary>
    public async Task CaptureFailureAsync(ScenarioArtifacts artifacts)
    {
        if (!Page.IsClosed)
        {
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = artifacts.PathFor("screenshot.png"), FullPage = true });
            await artifacts.SaveAsync("page.html", await Page.ContentAsync());
        }

        await StopTraceAsync(artifacts.PathFor("trace.zip"));
    }

    public async Task EndAsync(bool failed, ScenarioArtifacts artifacts)
    {
        if (_settings.Trace == "always" && !failed)
        {
            await StopTraceAsync(artifacts.PathFor("trace.zip"));
        }

        try
        {
            await Context.CloseAsync();
        }
        finally
        {
            await _pool.ReturnAsync(_browser, healthy: !failed);
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
}
