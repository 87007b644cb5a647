using System.Diagnostics;
using System.Text.RegularExpressions;
using KycE2E.Documents;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KycE2E.Bench.Plain;

/// <summary>
/// Two web scenarios written as a plain Playwright script: the same clicks, typing and web-first assertions as the
/// suite's steps, with no SpecFlow, no page objects, no hooks, no tracing and no evidence on failure.
/// Each call is one scenario; the clock runs from the new browser context to the last assertion.
/// </summary>
internal static partial class PlainWebScript
{
    /// <summary>A user rejected for a blurry photo retries with sharp photos and is approved (on the website).</summary>
    public static Task<double> HappyRetryAsync(IBrowser browser, Uri baseUrl, PlainApi api) =>
        TimedAsync(browser, baseUrl, async page =>
        {
            var (userId, email) = await RetryUntilPendingAsync(page, api, PhotoVariant.Clear);
            await api.AdvanceClockAsync(userId, 3);
            await page.ReloadAsync();
            await Expect(page.GetByTestId("verification-status")).ToHaveAttributeAsync("data-status", "approved");
            await Expect(page.GetByTestId("verification-status")).ToHaveTextAsync("Verified");
            if (await api.ApprovedMessagesAsync(userId, email) != 1)
            {
                throw new InvalidOperationException("The approval was not notified exactly once.");
            }
        });

    /// <summary>A retry with a blurry photo is rejected again for that reason (on the website).</summary>
    public static Task<double> BlurryRetryAsync(IBrowser browser, Uri baseUrl, PlainApi api) =>
        TimedAsync(browser, baseUrl, async page =>
        {
            var (userId, _) = await RetryUntilPendingAsync(page, api, PhotoVariant.Blurry);
            await api.AdvanceClockAsync(userId, 3);
            await page.ReloadAsync();
            await Expect(page.GetByTestId("verification-status")).ToHaveAttributeAsync("data-status", "rejected");
            await Expect(page.GetByTestId("verification-status")).ToHaveTextAsync("Verification failed");
            var reason = page.Locator("[data-testid='rejection-reason'][data-reason='PHOTO_BLURRY']");
            await Expect(reason).ToBeVisibleAsync();
            await Expect(reason).ToContainTextAsync(new Regex("blurry", RegexOptions.IgnoreCase));
            await Expect(page.GetByTestId("retry-button")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("retry-button")).ToHaveTextAsync("Retry");
            await Expect(page.GetByTestId("contact-support")).ToHaveCountAsync(0);
        });

    /// <summary>The clock runs from the new browser context to the scenario's last assertion; the context is closed after.</summary>
    private static async Task<double> TimedAsync(IBrowser browser, Uri baseUrl, Func<IPage, Task> scenario)
    {
        var clock = Stopwatch.StartNew();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl.ToString(), ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        try
        {
            await scenario(await context.NewPageAsync());
            return clock.Elapsed.TotalSeconds;
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    /// <summary>Seeded as rejected for a blurry photo, logged in, retried with the front photo in the given variant, waiting for the review.</summary>
    private static async Task<(string UserId, string Email)> RetryUntilPendingAsync(IPage page, PlainApi api, PhotoVariant front)
    {
        var (userId, email, password) = await api.SeedRejectedAsync("PHOTO_BLURRY");
        await LogInAndRetryAsync(page, email, password);
        var (holder, frontPhoto, back) = PlainApi.Papers(await api.TodayAsync(), front);
        await FillAndSubmitAsync(page, holder, frontPhoto, back);
        await ExpectPendingAsync(page);
        return (userId, email);
    }

    private static async Task LogInAndRetryAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("login?lang=en");
        await page.GetByTestId("login-email").FillAsync(email);
        await page.GetByTestId("login-password").FillAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page.GetByTestId("avatar")).ToBeVisibleAsync();

        await page.GetByTestId("avatar").ClickAsync();
        await Expect(page.GetByTestId("menu-personal-center")).ToHaveTextAsync("Personal center");
        await page.GetByTestId("menu-personal-center").ClickAsync();
        await Expect(page.GetByTestId("center-identity-verification")).ToHaveTextAsync("Identity verification");
        await page.GetByTestId("center-identity-verification").ClickAsync();
        await page.GetByTestId("retry-button").ClickAsync();
    }

    private static async Task FillAndSubmitAsync(IPage page, Holder holder, DocumentPhoto front, DocumentPhoto back)
    {
        await page.GetByTestId("field-region").SelectOptionAsync("CN");
        await page.GetByTestId("field-documentType").SelectOptionAsync("id_card");
        await page.GetByTestId("field-fullName").FillAsync(holder.ChineseName ?? holder.LatinName!.ToString());
        await page.GetByTestId("field-documentNumber").FillAsync(holder.DocumentNumber);
        await page.GetByTestId("field-dateOfBirth").FillAsync(holder.DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByTestId("field-frontImage").SetInputFilesAsync(new FilePayload { Name = "front.jpg", MimeType = front.MediaType, Buffer = front.Bytes.ToArray() });
        await Expect(page.GetByTestId("preview-frontImage")).ToBeVisibleAsync();
        await page.GetByTestId("field-backImage").SetInputFilesAsync(new FilePayload { Name = "back.jpg", MimeType = back.MediaType, Buffer = back.Bytes.ToArray() });
        await Expect(page.GetByTestId("preview-backImage")).ToBeVisibleAsync();

        await page.GetByTestId("form-next").ClickAsync();
        await Expect(page.GetByTestId("form-check")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("form-submit")).ToHaveTextAsync("Submit");
        await page.GetByTestId("form-submit").ClickAsync();
    }

    private static async Task ExpectPendingAsync(IPage page)
    {
        await Expect(page.GetByTestId("verification-status")).ToHaveAttributeAsync("data-status", "pending");
        await Expect(page.GetByTestId("verification-status")).ToHaveTextAsync("Under review");
        await Expect(page.GetByTestId("pending-note")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("expected-review-time")).ToHaveAttributeAsync("data-expected-review-by", ReviewTime());
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T")]
    private static partial Regex ReviewTime();
}
