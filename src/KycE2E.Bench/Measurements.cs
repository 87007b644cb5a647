using System.Diagnostics;
using KycE2E.Automation.Configuration;
using KycE2E.Automation.Environment;
using KycE2E.Automation.Processes;
using KycE2E.Automation.Mobile;
using KycE2E.Automation.Web;
using KycE2E.Bench.Plain;
using KycE2E.Documents;
using Microsoft.Playwright;

namespace KycE2E.Bench;

/// <summary>The measurements ./e2e bench takes outside the suite's own runs; each writes one JSON file.</summary>
internal static class Measurements
{
    /// <summary>Seconds until the sandbox answers, Appium listens, Appium's first session and Chromium's first launch; medians of several rounds.</summary>
    public static async Task<Dictionary<string, double>> StartupAsync(int rounds, TextWriter log)
    {
        var settings = new SuiteSettings();
        var times = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        void Add(string what, Stopwatch clock) => (times.TryGetValue(what, out var list) ? list : times[what] = []).Add(clock.Elapsed.TotalSeconds);

        for (var round = 1; round <= rounds; round++)
        {
            log.WriteLine($"bench: start-up round {round} of {rounds}");
            var dir = Directory.CreateTempSubdirectory("kyce2e-bench-").FullName;
            try
            {
                var clock = Stopwatch.StartNew();
                var (sandbox, _, _) = await SandboxProcess.StartAsync(settings, dir, dataDir: Path.Combine(dir, "data"));
                Add("sandbox ready", clock);
                await sandbox.DisposeAsync();

                clock.Restart();
                var (appium, url) = await AppiumServer.StartAsync(settings, dir);
                Add("Appium ready", clock);
                clock.Restart();
                var session = AppiumSessionFactory.Create(settings.Mobile, url, settings.Timeouts.Session);
                Add("first Appium session", clock);
                session.Quit();
                session.Dispose();
                await appium.DisposeAsync();

                clock.Restart();
                using (var playwright = await Playwright.CreateAsync())
                {
                    var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = settings.Web.BrowserPath, Args = ChromiumArguments.All });
                    Add("first browser", clock);
                    await browser.CloseAsync();
                }
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        return times.ToDictionary(t => t.Key, t => Math.Round(Median(t.Value), 2), StringComparer.Ordinal);
    }

    /// <summary>
    /// The three plain scripts once each, against a sandbox and an Appium server started here; the browser and the
    /// Appium session are made before the clocks start, as the suite's warm-up makes them.
    /// </summary>
    public static async Task<Dictionary<string, double>> PlainAsync(TextWriter log)
    {
        var settings = new SuiteSettings();
        var dir = Directory.CreateTempSubdirectory("kyce2e-bench-").FullName;
        var (sandbox, baseUrl, key) = await SandboxProcess.StartAsync(settings, dir, dataDir: Path.Combine(dir, "data"));
        var (appium, appiumUrl) = await AppiumServer.StartAsync(settings, dir);
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(15) };
        var api = new PlainApi(http, key);
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        try
        {
            using var playwright = await Playwright.CreateAsync();
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = settings.Web.BrowserPath, Args = ChromiumArguments.All });
            var driver = PlainMobileScript.StartSession(appiumUrl, LoopbackPort.Free());
            try
            {
                // The suite's order (NUnit runs the fixtures by name): the first script pays the process's first-use costs.
                result["blurry retry (web)"] = await PlainWebScript.BlurryRetryAsync(browser, baseUrl, api);
                result["happy retry (web)"] = await PlainWebScript.HappyRetryAsync(browser, baseUrl, api);
                result["happy retry (mobile)"] = await PlainMobileScript.HappyRetryAsync(driver, baseUrl, api, dir);
                PlainMobileScript.Reset(driver);
                log.WriteLine($"bench: plain scripts: {string.Join(", ", result.Select(r => $"{r.Key} {r.Value:0.00} s"))}");
            }
            finally
            {
                driver.Quit();
                driver.Dispose();
                await browser.CloseAsync();
            }
        }
        finally
        {
            await appium.DisposeAsync();
            await sandbox.DisposeAsync();
            Directory.Delete(dir, recursive: true);
        }

        return result;
    }

    /// <summary>The load test against a sandbox of its own; the sandbox's peak memory is read from /proc when it ends.</summary>
    public static async Task<LoadResult> LoadAsync(int users, TimeSpan duration, TextWriter log)
    {
        var settings = new SuiteSettings();
        var dir = Directory.CreateTempSubdirectory("kyce2e-bench-").FullName;
        var (sandbox, baseUrl, key) = await SandboxProcess.StartAsync(settings, dir, dataDir: Path.Combine(dir, "data"));
        try
        {
            return await LoadTest.RunAsync(baseUrl, key, users, duration, () => PeakRssMb(sandbox.Pid), log);
        }
        finally
        {
            await sandbox.DisposeAsync();
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Rendering one ID card and photographing and analysing it: milliseconds, medians of 7 warm runs.</summary>
    public static Dictionary<string, double> Documents()
    {
        var on = new DateOnly(2026, 3, 1);
        var factory = new HolderFactory(20261126);
        var card = factory.ValidDocument(factory.Adult(on, DocumentType.ChineseIdCardFront), DocumentType.ChineseIdCardFront, on);
        DocumentPhoto photo = PhotoStudio.Photograph(card, PhotoVariant.Clear, 1);
        DocumentPhoto blurry = PhotoStudio.Photograph(card, PhotoVariant.Blurry, 1);
        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["render ID card (PNG)"] = Ms(() => DocumentRenderer.RenderPng(card)),
            ["photograph ID card (sharp JPEG)"] = Ms(() => photo = PhotoStudio.Photograph(card, PhotoVariant.Clear, 1)),
            ["analyse sharp photo"] = Ms(() => DocumentAnalyzer.Analyze(photo.Bytes.Span)),
            ["analyse blurry photo"] = Ms(() => DocumentAnalyzer.Analyze(blurry.Bytes.Span)),
        };
    }

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static double Ms(Action action)
    {
        action();
        var times = new List<double>();
        for (var i = 0; i < 7; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return Math.Round(Median(times), 1);
    }

    private static double PeakRssMb(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }
}
