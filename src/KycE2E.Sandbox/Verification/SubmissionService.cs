using KycE2E.Sandbox.Clock;
using KycE2E.Sandbox.Data;
using KycE2E.Sandbox.Defects;
using KycE2E.Sandbox.Domain;
using KycE2E.Sandbox.Options;
using Microsoft.Extensions.Options;

namespace KycE2E.Sandbox.Verification;

/// <summary>A submission from either client: checked, limited, uploaded and recorded as one attempt at most.</summary>
public sealed class SubmissionService(
    SandboxDatabase database,
    VerificationStore cases,
    FaultStore faults,
    ImageStore images,
    IOptions<ReviewOptions> review,
    UserClock clock,
    SandboxDefects defects)
{
    public async Task<SubmissionOutcome> SubmitAsync(string userId, SubmittedForm form, string? idempotencyKey, bool requireBack, CancellationToken cancel)
    {
        var now = clock.Now(userId);
        // Deliberate defect: the key is dropped and the case is checked only once, before the photos are saved.
        var checkOnce = defects.Has("double-submit-not-idempotent");
        if (checkOnce)
        {
            idempotencyKey = null;
        }

        if (idempotencyKey is { Length: > 0 } replayKey && Replay(userId, replayKey) is { } earlier)
        {
            return new SubmissionOutcome.Accepted(earlier, Replayed: true);
        }

        var current = cases.For(userId);
        if (!current.CanStart(now))
        {
            return new SubmissionOutcome.NotAllowed(current);
        }

        var checkedForm = FormValidation.Check(form, FormValidation.Today(now), requireBack, defects);
        if (!checkedForm.IsValid)
        {
            return new SubmissionOutcome.Invalid(checkedForm.Errors);
        }

        // The upload itself: the network faults the test-data API injected act here, before anything is recorded.
        if (faults.Take(userId, FaultKind.UploadLatency) is { } latency)
        {
            await Task.Delay(latency, cancel);
        }

        if (!defects.Has("failed-upload-counts-as-attempt") && faults.Take(userId, FaultKind.UploadFail) is not null)
        {
            return new SubmissionOutcome.UploadFailed();
        }

        // The photos are written before the transaction (no file work while the database is locked for writing); when the
        // submission is not recorded after all (a copy of it won the race, the case changed, an error), they are removed again.
        var front = images.Save(form.Front!.Content, checkedForm.FrontExtension!);
        var back = form.Back is { Content.Length: > 0 } b ? images.Save(b.Content, checkedForm.BackExtension!) : null;
        var recorded = false;
        try
        {
            using var db = database.Open();
            using var tx = db.BeginTransaction();
            if (idempotencyKey is { Length: > 0 } key && VerificationStore.ByIdempotencyKey(db, tx, userId, key) is { } raced)
            {
                return new SubmissionOutcome.Accepted(raced, Replayed: true);
            }

            current = checkOnce ? current : cases.For(db, tx, userId);
            if (!current.CanStart(now))
            {
                return new SubmissionOutcome.NotAllowed(current);
            }

            if (defects.Has("attempt-limit-off-by-one") ? current.AttemptsUsed > VerificationCase.AttemptLimit : current.AttemptsUsed >= VerificationCase.AttemptLimit)
            {
                var locked = current with
                {
                    Status = VerificationStatus.Rejected,
                    Reasons = ReasonCode.InReportOrder([.. current.Reasons, ReasonCode.AttemptsExceeded]),
                    LockedUntil = now + (defects.Has("lock-lasts-days-not-hours") ? TimeSpan.FromDays(VerificationCase.LockDuration.TotalHours) : VerificationCase.LockDuration),
                };
                VerificationStore.Save(db, tx, locked);
                tx.Commit();
                return new SubmissionOutcome.Locked(locked.LockedUntil!.Value, ShownInUtc: defects.Has("refusal-time-in-utc"));
            }

            var attempt = new Attempt(
                VerificationStore.NewAttemptId(),
                userId,
                VerificationStore.NextAttemptNumber(db, tx, userId),
                now,
                now.AddMinutes(review.Value.DelayMinutes),
                checkedForm.Details,
                front,
                back,
                VerificationStatus.Pending,
                [],
                null,
                null,
                null,
                Seeded: false);
            VerificationStore.Insert(db, tx, attempt, idempotencyKey is { Length: > 0 } ? idempotencyKey : null);
            VerificationStore.Save(db, tx, current with
            {
                Status = VerificationStatus.Pending,
                Reasons = [],
                RejectType = null,
                ModerationComment = null,
                LockedUntil = null,
                PendingSince = now,
            });
            tx.Commit();
            recorded = true;
            if (defects.Has("failed-upload-counts-as-attempt") && faults.Take(userId, FaultKind.UploadFail) is not null)
            {
                return new SubmissionOutcome.UploadFailed();
            }

            return new SubmissionOutcome.Accepted(attempt, Replayed: false);
        }
        finally
        {
            if (!recorded)
            {
                images.Delete(front);
                images.Delete(back);
            }
        }
    }

    private Attempt? Replay(string userId, string key)
    {
        using var db = database.Open();
        return VerificationStore.ByIdempotencyKey(db, null, userId, key);
    }
}

public abstract record SubmissionOutcome
{
    public sealed record Accepted(Attempt Attempt, bool Replayed) : SubmissionOutcome;

    public sealed record Invalid(IReadOnlyDictionary<string, string> Errors) : SubmissionOutcome;

    public sealed record UploadFailed : SubmissionOutcome;

    /// <param name="ShownInUtc">A deliberate defect (docs/defects.md): the refusal shows the time in UTC, the status page in UTC+8.</param>
    public sealed record Locked(DateTimeOffset Until, bool ShownInUtc = false) : SubmissionOutcome;

    public sealed record NotAllowed(VerificationCase Case) : SubmissionOutcome;
}
