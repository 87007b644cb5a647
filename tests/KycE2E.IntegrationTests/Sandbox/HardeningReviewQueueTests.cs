using System.Diagnostics;
using System.Net;
using KycE2E.Automation.Identity;
using KycE2E.Documents;
using SkiaSharp;

namespace KycE2E.IntegrationTests.Sandbox;

/// <summary>
/// The review's memory bound holds for what it decodes, the photo scaled to 1000 px wide included; and reviews of large
/// photos run beside the others, so one slow review does not hold up everyone else's.
/// </summary>
public sealed class HardeningReviewQueueTests : SandboxTests
{
    [Test]
    public async Task A_photo_whose_copy_scaled_to_1000_px_wide_is_over_25_megapixels_is_refused()
    {
        var (user, token) = await Sandbox.RejectedUserAsync();
        var narrow = TallPhoto(380, 12_000); // 4.6 MP as sent, 31.6 MP at 1000 px wide

        var answer = await Sandbox.App.SubmitAsync(token, Adult.Details, narrow, Adult.Back());

        answer.Status.Should().Be(HttpStatusCode.BadRequest, answer.ToString());
        answer.Json.GetProperty("errors").GetProperty("frontImage").GetString().Should().Be("file_dimensions_too_large");
        (await Sandbox.TestData.GetVerificationAsync(user.UserId)).AttemptsUsed.Should().Be(1);
    }

    [Test]
    public async Task Another_users_review_completes_while_a_large_photos_slow_review_is_still_running()
    {
        var (slow, slowToken) = await Sandbox.RejectedUserAsync();
        var large = TallPhoto(600, 12_000); // 20 MP at 1000 px wide: within the bound, and seconds to review
        var slowAnswer = await Sandbox.App.SubmitAsync(slowToken, Adult.Details, large, large);
        slowAnswer.Status.Should().Be(HttpStatusCode.Accepted, slowAnswer.ToString());
        var (quick, quickToken) = await Sandbox.RejectedUserAsync();
        (await Sandbox.App.SubmitAsync(quickToken, Adult.Details, Adult.Front(), Adult.Back())).Status.Should().Be(HttpStatusCode.Accepted);
        var logFrom = Sandbox.Log().Length;
        var clock = Stopwatch.StartNew();

        var slowReview = Sandbox.TestData.RunReviewsAsync(slow.UserId);
        (await Sandbox.LogShowsAsync($"Review of {slowAnswer.Json.GetProperty("attemptId").GetString()} started", logFrom, TimeSpan.FromMinutes(1)))
            .Should().BeTrue("the large photo's review starts");
        var slowStarted = clock.Elapsed;
        (await Sandbox.TestData.RunReviewsAsync(quick.UserId)).Should().Be(1);
        var quickDone = clock.Elapsed;
        var slowStatusThen = (await Sandbox.TestData.GetVerificationAsync(slow.UserId)).Status;
        (await slowReview).Should().Be(1);
        var slowDone = clock.Elapsed;

        TestContext.Out.WriteLine($"large review started at {slowStarted.TotalSeconds:0.00} s; the other review done at {quickDone.TotalSeconds:0.00} s; the large one done at {slowDone.TotalSeconds:0.00} s");
        slowStatusThen.Should().Be("pending", "the other user's review did not wait for the large photo's");
        (await Sandbox.TestData.GetVerificationAsync(slow.UserId)).Status.Should().NotBe("pending");
    }

    /// <summary>A narrow, tall photo of scattered squares: valid and small as a file, large once decoded.</summary>
    private DocumentPhoto TallPhoto(int width, int height)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        surface.Canvas.Clear(SKColors.White);
        var random = new Random(width + height);
        using var ink = new SKPaint { Color = SKColors.Black };
        for (var i = 0; i < 2_000; i++)
        {
            surface.Canvas.DrawRect(random.Next(width), random.Next(height), 20, 20, ink);
        }

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 80);
        return new DocumentPhoto(Adult.Document, PhotoVariant.Clear, 0, PhotoFormat.Jpeg, width, height, data.ToArray());
    }
}
