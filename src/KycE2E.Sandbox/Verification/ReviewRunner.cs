using Microsoft.Extensions.Options;
using KycE2E.Sandbox.Data;
using KycE2E.Sandbox.Domain;
using KycE2E.Sandbox.Hosting;
using KycE2E.Sandbox.Texts;

namespace KycE2E.Sandbox.Verification;

/// <summary>Completes reviews: those due on the sandbox clock, or all pending ones when the test-data API asks.</summary>
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
    private readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>Reviews what is due (or everything pending when <paramref name="all"/>); returns how many completed.</summary>
    public async Task<int> RunAsync(string? userId, bool all, CancellationToken cancel)
    {
        await _one.WaitAsync(cancel);
        try
        {
            var completed = 0;
            foreach (var attempt in cases.Pending(userId, null))
            {
                var now = clock.Now(attempt.UserId);
                if (!all && attempt.DueAt > now)
                {
                    continue;
                }

                if (faults.Take(attempt.UserId, FaultKind.ReviewOutage) is not null)
                {
                    log.LogInformation("Review of {Attempt} failed: review outage injected; retried after the review delay", attempt.Id);
                    cases.Postpone(attempt.Id, now + Delay);
                    continue;
                }

                var decision = engine.Decide(attempt);
                if (cases.CompleteReview(attempt, decision.Status, decision.Reasons, decision.RejectType, decision.ModerationComment, now, Notification(attempt.UserId, decision, now)))
                {
                    completed++;
                }
            }

            return completed;
        }
        finally
        {
            _one.Release();
        }
    }

    public TimeSpan Delay => TimeSpan.FromMinutes(options.Value.DelayMinutes);

    public void Dispose() => _one.Dispose();

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
                await runner.RunAsync(null, all: false, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Review run failed; the next tick tries again");
            }
        }
    }
}
