using KycE2E.Sandbox.Clock;
using KycE2E.Sandbox.Data;
using KycE2E.Sandbox.Defects;
using KycE2E.Sandbox.Domain;
using KycE2E.Sandbox.Options;
using KycE2E.Sandbox.Texts;
using Microsoft.Extensions.Options;

namespace KycE2E.Sandbox.Verification;

/// <summary>
/// Completes reviews: those due on the sandbox clock, or all pending ones when the test-data API asks. Each attempt is
/// reviewed once at a time (a second caller joins the running review), in one of two lanes of one review each: photos
/// of more than <see cref="LargeReviewPixels"/> in the large lane, the rest in the ordinary one, so a slow review of a
/// large photo never holds up everyone else's, and at most one large photo is decoded at a time.
/// </summary>
public sealed class ReviewRunner(
    VerificationStore cases,
    ReviewEngine engine,
    FaultStore faults,
    UserStore users,
    TextCatalog texts,
    IOptions<ReviewOptions> options,
    UserClock clock,
    SandboxDefects defects,
    ILogger<ReviewRunner> log) : IDisposable
{
    /// <summary>An attempt's photos holding more pixels than this (8 MP: two photos of 2000×2000) are reviewed in the large lane.</summary>
    public const long LargeReviewPixels = 8_000_000;

    private readonly SemaphoreSlim _ordinary = new(1, 1);
    private readonly SemaphoreSlim _large = new(1, 1);
    private readonly Dictionary<string, Task<bool>> _running = new(StringComparer.Ordinal);

    /// <summary>Reviews what is due (or everything pending when <paramref name="all"/>) and waits for it; returns how many completed.</summary>
    public async Task<int> RunAsync(string? userId, bool all, CancellationToken cancel)
    {
        var completed = await Task.WhenAll(Start(userId, all)).WaitAsync(cancel);
        return completed.Count(done => done);
    }

    /// <summary>Starts the reviews of what is due (or pending) and returns them, joining those already running; waits for none.</summary>
    public IReadOnlyList<Task<bool>> Start(string? userId, bool all)
    {
        var reviews = new List<Task<bool>>();
        foreach (var attempt in cases.Pending(userId, null))
        {
            if (!all && attempt.DueAt > clock.Now(attempt.UserId))
            {
                continue;
            }

            lock (_running)
            {
                if (!_running.TryGetValue(attempt.Id, out var review))
                {
                    review = ReviewAsync(attempt);
                    _running[attempt.Id] = review;
                }

                reviews.Add(review);
            }
        }

        return reviews;
    }

    public TimeSpan Delay => TimeSpan.FromMinutes(options.Value.DelayMinutes);

    public void Dispose()
    {
        _ordinary.Dispose();
        _large.Dispose();
    }

    /// <summary>One attempt's review in its lane; true when this review recorded the result.</summary>
    private async Task<bool> ReviewAsync(Attempt attempt)
    {
        await Task.Yield(); // the caller goes on starting other reviews while this one waits for its lane
        try
        {
            var pixels = engine.ReviewedPixels(attempt);
            var lane = pixels > LargeReviewPixels ? _large : _ordinary;
            await lane.WaitAsync();
            try
            {
                if (!cases.Pending(attempt.UserId, null).Any(a => a.Id == attempt.Id))
                {
                    return false; // completed by a review that ended while this one waited
                }

                log.LogInformation("Review of {Attempt} started ({Megapixels:0.0} MP, {Lane} lane)", attempt.Id, pixels / 1e6, lane == _large ? "large" : "ordinary");
                var now = clock.Now(attempt.UserId);
                if (faults.Take(attempt.UserId, FaultKind.ReviewOutage) is not null)
                {
                    log.LogInformation("Review of {Attempt} failed: review outage injected; retried after the review delay", attempt.Id);
                    cases.Postpone(attempt.Id, now + Delay);
                    return false;
                }

                var decision = engine.Decide(attempt);
                return cases.CompleteReview(attempt, decision.Status, decision.Reasons, decision.RejectType, decision.ModerationComment, now, Notification(attempt.UserId, decision, now));
            }
            finally
            {
                lane.Release();
            }
        }
        catch (Exception e)
        {
            log.LogError(e, "Review of {Attempt} failed; the next run tries again", attempt.Id);
            throw;
        }
        finally
        {
            lock (_running)
            {
                _running.Remove(attempt.Id);
            }
        }
    }

    /// <summary>The e-mail that tells the user the result; it is recorded with the result itself. Null when nobody is told.</summary>
    private OutboxMessage? Notification(string userId, ReviewDecision decision, DateTimeOffset now)
    {
        if (users.Find(userId) is not { } user || (decision.Reasons.Count == 0 && defects.Has("review-result-not-notified")))
        {
            return null;
        }

        var locale = user.Locale;
        var status = texts.Get(locale, $"status.{decision.Status}");
        var body = decision.Reasons.Count == 0
            ? texts.Get(locale, "notify.approved")
            : defects.Has("notification-lists-only-the-first-reason")
                ? texts.Get(locale, "notify.rejected") + " " + texts.Get(locale, $"reason.{decision.Reasons[0]}")
                : texts.Get(locale, "notify.rejected") + " " + string.Join(" ", decision.Reasons.Select(r => texts.Get(locale, $"reason.{r}")));
        return new OutboxMessage(userId, "email", user.Email, $"{texts.Get(locale, "notify.subject")}: {status}", body, decision.Status, now);
    }
}

/// <summary>Runs due reviews in the background, as a real review queue would.</summary>
internal sealed class ReviewWorker(ReviewRunner runner, ILogger<ReviewWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var tick = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await tick.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                _ = runner.Start(null, all: false); // not awaited: a slow review does not delay the next tick's
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Looking for due reviews failed; the next tick tries again");
            }
        }
    }
}
