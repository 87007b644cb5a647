using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using KycE2E.Automation.Configuration;
using KycE2E.Automation.Elements;
using KycE2E.Automation.Processes;
using KycE2E.Automation.TestData;
using Microsoft.Playwright;
using SkiaSharp;

namespace KycE2E.Contract;

/// <summary>
/// Every catalogued element looked for on its page (web, Playwright, desktop) and its screen (the phone app at /app/,
/// Playwright with the Mobile:Device phone profile: the same web app Appium drives, not a native build). An element is
/// present when an element with its test id is in the page (attached; hidden counts: the portal renders some hidden until
/// they apply). Users are seeded per state through the test-data API; pages are opened by URL, so one element that is
/// missing does not hide the others.
/// </summary>
internal sealed class ElementChecks(SuiteSettings settings, LocatorMap locators, Uri baseUrl, TestDataClient testData, HttpClient http, string testApiKey)
{
    /// <summary>How long an element may take to appear once its page is open.</summary>
    private static readonly TimeSpan Appear = TimeSpan.FromSeconds(4);

    private const string Name = "Contract Check";
    private const string DocumentNumber = "11010519491231002X";
    private const string DateOfBirth = "1949-12-31";

    // Written by the web and the app side by side.
    private readonly ConcurrentDictionary<(bool App, Place Place), string> _unreached = new();
    private readonly ConcurrentDictionary<(bool App, string Id), bool> _found = new();
    private IReadOnlyList<ElementProbe> _probes = [];

    public async Task<List<Capability>> RunAsync()
    {
        _probes = ElementProbes.All();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = settings.Web.WsEndpoints is [var ws, ..]
            ? await playwright.Chromium.ConnectAsync(ws, new BrowserTypeConnectOptions { Timeout = 15_000 })
            : await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = settings.Web.BrowserPath, Headless = true, Args = ChromiumArguments.All });
        var phone = playwright.Devices.TryGetValue(settings.Mobile.Device, out var device) ? device : playwright.Devices["Pixel 7"];
        var photo = Photo();

        // The users, one per state, made before the browsers start work.
        var retry = await SeedAsync(new VerificationSeed("rejected", ["PHOTO_BLURRY"]));
        var final = await SeedAsync(new VerificationSeed("rejected", ["UNDERAGE"]));
        var pending = await SeedPendingWithDetailsAsync();
        var locked = await SeedAsync(new VerificationSeed("rejected", ["PHOTO_BLURRY", "ATTEMPTS_EXCEEDED"]));
        var late = await SeedPendingWithDetailsAsync();
        var appRetry = await SeedAsync(new VerificationSeed("rejected", ["PHOTO_BLURRY"]));
        var appFinal = await SeedAsync(new VerificationSeed("rejected", ["UNDERAGE"]));
        // A day and a minute of one user's time with her review out of order: the case is still pending, and late.
        await testData.AddFaultAsync("review-outage", late.UserId, count: 1000);
        await testData.AdvanceClockAsync(TimeSpan.FromHours(24) + settings.Environment.ReviewDelay + TimeSpan.FromMinutes(1), late.UserId);

        var web = new BrowserNewContextOptions { BaseURL = baseUrl.ToString(), ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, Locale = "en-US" };
        var app = new BrowserNewContextOptions(phone) { BaseURL = baseUrl.ToString(), Locale = "en-US" };

        await Task.WhenAll(
            WebAsync(browser, web, retry, final, pending, late, locked),
            AppAsync(browser, app, appRetry, appFinal, pending, late, locked, photo));

        return [.. _probes.Select(VerdictOf)];
    }

    private async Task WebAsync(IBrowser browser, BrowserNewContextOptions options, TestUser retry, TestUser final, TestUser pending, TestUser late, TestUser locked)
    {
        await using (var context = await browser.NewContextAsync(options))
        {
            var page = await context.NewPageAsync();
            await VisitAsync(false, page, () => page.GotoAsync("login?lang=en"), Place.Login);
            if (await VisitAsync(false, page, () => WebLogInAsync(page, retry)))
            {
                await VisitAsync(false, page, () => page.GotoAsync("./"), Place.Home);
                await VisitAsync(false, page, () => page.GotoAsync("account"), Place.PersonalCenter);
                await VisitAsync(false, page, () => page.GotoAsync("account/verification"), Place.StatusRetry);
                await VisitAsync(false, page, () => page.GotoAsync("account/verification/form"), Place.Form);
            }
            else
            {
                Unreached(false, "could not log in on the website", Place.Home, Place.PersonalCenter, Place.StatusRetry, Place.Form);
            }
        }

        foreach (var (user, place) in new[] { (final, Place.StatusFinal), (pending, Place.StatusPending), (late, Place.StatusPendingTooLong), (locked, Place.StatusLocked) })
        {
            await using var context = await browser.NewContextAsync(options);
            var page = await context.NewPageAsync();
            if (await VisitAsync(false, page, () => WebLogInAsync(page, user)))
            {
                await VisitAsync(false, page, () => page.GotoAsync("account/verification"), place);
            }
            else
            {
                Unreached(false, "could not log in on the website", place);
            }
        }
    }

    private async Task AppAsync(IBrowser browser, BrowserNewContextOptions options, TestUser retry, TestUser final, TestUser pending, TestUser late, TestUser locked, byte[] photo)
    {
        await using (var context = await browser.NewContextAsync(options))
        {
            var page = await context.NewPageAsync();
            await VisitAsync(true, page, () => page.GotoAsync("app/?lang=en#/login"), Place.Login);
            if (await VisitAsync(true, page, () => AppLogInAsync(page, retry)))
            {
                await VisitAsync(true, page, () => AppRouteAsync(page, "profile"), Place.Profile);
                await VisitAsync(true, page, () => AppRouteAsync(page, "personal-center"), Place.PersonalCenter);
                await VisitAsync(true, page, () => AppRouteAsync(page, "verification"), Place.StatusRetry);
                var form = await VisitAsync(true, page, () => AppRouteAsync(page, "verification/form"), Place.Form)
                    && await VisitAsync(true, page, () => Tap(page, ElementCatalogue.FormNext.AppTestId), Place.FormErrors)
                    && await VisitAsync(true, page, () => FillAppFormAsync(page, photo), Place.FormPhotos)
                    && await VisitAsync(true, page, () => Tap(page, ElementCatalogue.FormNext.AppTestId), Place.FormCheck)
                    && await VisitAsync(true, page, async () =>
                    {
                        await testData.AddFaultAsync("upload-fail", retry.UserId);
                        await Tap(page, ElementCatalogue.FormSubmit.AppTestId);
                    }, Place.FormUploadFailed);
                if (!form)
                {
                    Unreached(true, "an earlier step of the app's form failed", Place.FormErrors, Place.FormPhotos, Place.FormCheck, Place.FormUploadFailed);
                }
            }
            else
            {
                Unreached(true, "could not log in on the app", Place.Profile, Place.PersonalCenter, Place.StatusRetry, Place.Form, Place.FormErrors, Place.FormPhotos, Place.FormCheck, Place.FormUploadFailed);
            }
        }

        await using (var context = await browser.NewContextAsync(options))
        {
            // A FINAL case may not submit: the form is filled all the same, and the submission is refused.
            var page = await context.NewPageAsync();
            if (await VisitAsync(true, page, () => AppLogInAsync(page, final)))
            {
                await VisitAsync(true, page, () => AppRouteAsync(page, "verification"), Place.StatusFinal);
                await VisitAsync(true, page, async () =>
                {
                    await AppRouteAsync(page, "verification/form");
                    await FillAppFormAsync(page, photo);
                    await Tap(page, ElementCatalogue.FormNext.AppTestId);
                    await Tap(page, ElementCatalogue.FormSubmit.AppTestId);
                }, Place.FormRefused);
            }
            else
            {
                Unreached(true, "could not log in on the app", Place.StatusFinal, Place.FormRefused);
            }
        }

        foreach (var (user, place) in new[] { (pending, Place.StatusPending), (late, Place.StatusPendingTooLong), (locked, Place.StatusLocked) })
        {
            await using var context = await browser.NewContextAsync(options);
            var page = await context.NewPageAsync();
            if (await VisitAsync(true, page, () => AppLogInAsync(page, user)))
            {
                await VisitAsync(true, page, () => AppRouteAsync(page, "verification"), place);
            }
            else
            {
                Unreached(true, "could not log in on the app", place);
            }
        }
    }

    /// <summary>Gets to a place, then looks for every element that belongs there; false (and the places noted as not reached) when getting there failed.</summary>
    private async Task<bool> VisitAsync(bool app, IPage page, Func<Task> getThere, params Place[] places)
    {
        try
        {
            await getThere();
        }
        catch (Exception e) when (e is PlaywrightException or System.TimeoutException or TestDataApiException or HttpRequestException)
        {
            Unreached(app, FirstLine(e.Message), places);
            return false;
        }

        foreach (var probe in _probes.Where(p => places.Contains(app ? p.App : p.Web)))
        {
            var id = (app ? probe.AppId : probe.WebId)!;
            // The environment's own selector where its locator map names the element; the catalogue's test id otherwise.
            var selector = (app ? locators.App(probe.Name) : locators.Web(probe.Name))
                ?? (probe.Prefix ? $"[data-testid^='{id}']" : $"[data-testid='{id}']");
            try
            {
                await page.Locator(selector).First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = (float)Appear.TotalMilliseconds });
                _found[(app, id)] = true;
            }
            catch (Exception e) when (e is PlaywrightException or System.TimeoutException)
            {
                // not there: its verdict says so
            }
        }

        return true;
    }

    private void Unreached(bool app, string why, params Place[] places)
    {
        foreach (var place in places)
        {
            _unreached.TryAdd((app, place), why);
        }
    }

    private Capability VerdictOf(ElementProbe probe)
    {
        var problems = new List<string>();
        Look(false, probe.WebId, probe.Web);
        Look(true, probe.AppId, probe.App);
        var ids = string.Join(", ", new[] { probe.WebId is null ? null : $"web {probe.WebId}", probe.AppId is null ? null : $"app {probe.AppId}" }.Where(s => s is not null));
        return problems.Count == 0
            ? Capability.Present($"element {probe.Name}", ids)
            : Capability.Missing($"element {probe.Name}", string.Join("; ", problems));

        void Look(bool app, string? id, Place place)
        {
            if (id is null)
            {
                return;
            }

            var client = app ? "app" : "web";
            if (_unreached.TryGetValue((app, place), out var why))
            {
                problems.Add($"{client} {id}: {ElementProbes.Describe(place)} not reached ({why})");
            }
            else if (!_found.ContainsKey((app, id)))
            {
                problems.Add($"{client} {id} not found on {ElementProbes.Describe(place)}");
            }
        }
    }

    private async Task<TestUser> SeedAsync(VerificationSeed seed) => await testData.CreateUserAsync(new NewUser("en", Verification: seed));

    /// <summary>
    /// A pending case whose attempt has details, as a real submission leaves it: the expected review time is promised for
    /// a submission, so a case seeded without details has none to show (TestDataClient does not seed details).
    /// </summary>
    private async Task<TestUser> SeedPendingWithDetailsAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("test-api/users", UriKind.Relative))
        {
            Content = JsonContent.Create(new
            {
                locale = "en",
                verification = new
                {
                    status = "pending",
                    details = new { region = "CN", documentType = "id_card", fullName = Name, documentNumber = DocumentNumber, dateOfBirth = DateOfBirth },
                },
            }),
        };
        request.Headers.Add(TestDataClient.KeyHeader, testApiKey);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != System.Net.HttpStatusCode.Created)
        {
            throw new TestDataApiException($"POST /test-api/users (pending, with details) answered {(int)response.StatusCode}: {body}");
        }

        var created = JsonDocument.Parse(body).RootElement;
        return new TestUser(created.GetProperty("userId").GetString()!, created.GetProperty("email").GetString()!, created.GetProperty("password").GetString()!, "en");
    }

    private static async Task WebLogInAsync(IPage page, TestUser user)
    {
        await page.GotoAsync("login?lang=en");
        await page.GetByTestId(ElementCatalogue.LoginEmail.WebTestId).FillAsync(user.Email, new LocatorFillOptions { Timeout = 5_000 });
        await page.GetByTestId(ElementCatalogue.LoginPassword.WebTestId).FillAsync(user.Password, new LocatorFillOptions { Timeout = 5_000 });
        await page.GetByTestId(ElementCatalogue.LoginSubmit.WebTestId).ClickAsync(new LocatorClickOptions { Timeout = 5_000 });
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.EndsWith("/login", StringComparison.OrdinalIgnoreCase), new PageWaitForURLOptions { Timeout = 10_000 });
    }

    private static async Task AppLogInAsync(IPage page, TestUser user)
    {
        await page.GotoAsync("app/?lang=en#/login");
        await page.GetByTestId(ElementCatalogue.LoginEmail.AppTestId).FillAsync(user.Email, new LocatorFillOptions { Timeout = 5_000 });
        await page.GetByTestId(ElementCatalogue.LoginPassword.AppTestId).FillAsync(user.Password, new LocatorFillOptions { Timeout = 5_000 });
        await page.GetByTestId(ElementCatalogue.LoginSubmit.AppTestId).ClickAsync(new LocatorClickOptions { Timeout = 5_000 });
        await page.WaitForFunctionAsync("() => !location.hash.startsWith('#/login')", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
    }

    private static async Task AppRouteAsync(IPage page, string route) => await page.EvaluateAsync("r => { location.hash = '#/' + r; }", route);

    private static Task Tap(IPage page, string testId) => page.GetByTestId(testId).ClickAsync(new LocatorClickOptions { Timeout = 5_000 });

    private static async Task FillAppFormAsync(IPage page, byte[] photo)
    {
        var fill = new LocatorFillOptions { Timeout = 5_000 };
        await page.GetByTestId(ElementCatalogue.Field.For("fullName").AppTestId).FillAsync(Name, fill);
        await page.GetByTestId(ElementCatalogue.Field.For("documentNumber").AppTestId).FillAsync(DocumentNumber, fill);
        await page.GetByTestId(ElementCatalogue.Field.For("dateOfBirth").AppTestId).FillAsync(DateOfBirth, fill);
        foreach (var side in new[] { "frontImage", "backImage" })
        {
            await page.GetByTestId(ElementCatalogue.Field.For(side).AppTestId).SetInputFilesAsync(
                new FilePayload { Name = $"{side}.png", MimeType = "image/png", Buffer = photo }, new LocatorSetInputFilesOptions { Timeout = 5_000 });
        }
    }

    /// <summary>A plain PNG the size of a phone's photo of a card: what the form takes before any review.</summary>
    private static byte[] Photo()
    {
        using var bitmap = new SKBitmap(1012, 638);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(236, 240, 244));
            using var ink = new SKPaint { Color = new SKColor(40, 60, 90) };
            canvas.DrawRect(60, 60, 260, 320, ink);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length > 160 ? line[..160] + "…" : line;
    }
}
