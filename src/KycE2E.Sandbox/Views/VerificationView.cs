using KycE2E.Sandbox.Defects;
using KycE2E.Sandbox.Domain;
using KycE2E.Sandbox.Verification;

namespace KycE2E.Sandbox.Views;

/// <summary>A case as clients see it: what to show, whether retry is offered, what to pre-fill, and the user's sandbox date.</summary>
public sealed record VerificationView(
    string Status,
    IReadOnlyList<string> Reasons,
    string? RejectType,
    string? ModerationComment,
    int AttemptsUsed,
    int AttemptsLeft,
    DateTimeOffset? LockedUntil,
    bool CanRetry,
    bool CanStart,
    DateTimeOffset? PendingSince,
    DateTimeOffset? ExpectedReviewBy,
    bool PendingTooLong,
    IReadOnlyList<string> HighlightFields,
    PrefillView? Prefill,
    DateOnly Today)
{
    /// <param name="defects">The deliberate defects of the clients' view (none for the test-data API, which reports the truth).</param>
    public static VerificationView Of(VerificationCase c, Attempt? last, DateTimeOffset now, SandboxDefects? defects = null)
    {
        defects ??= SandboxDefects.None;
        var locked = defects.Has("lock-lifts-a-minute-early") ? c.IsLocked(now + TimeSpan.FromMinutes(1)) : c.IsLocked(now);
        var canRetry = defects.Has("lock-lifts-a-minute-early") ? c.Status == VerificationStatus.Rejected && c.RejectType == Domain.RejectType.Retry && !locked
            : defects.Has("final-shown-as-retry")
            ? c.Status == VerificationStatus.Rejected && !c.IsLocked(now)
            : c.CanRetry(now);
        var pendingTooLong = defects.Has("pending-too-long-never-shown")
            ? c.Status == VerificationStatus.Pending && c.PendingSince is { } since && (now - since).TotalDays > VerificationCase.PendingTooLong.TotalHours
            : defects.Has("pending-too-long-an-hour-early") ? c.IsPendingTooLong(now + TimeSpan.FromHours(1)) : c.IsPendingTooLong(now);
        Func<string, string?> fieldOf = defects.Has("highlight-points-at-wrong-field") ? HighlightedFieldBefore : ReasonCode.FieldOf;
        // ATTEMPTS_EXCEEDED explains the lock; once it has lifted it is no longer a reason the user has to act on.
        IReadOnlyList<string> reasons = locked || defects.Has("expired-lock-keeps-its-reason") ? c.Reasons : [.. c.Reasons.Where(r => r != ReasonCode.AttemptsExceeded)];
        return new(
            c.Status,
            reasons,
            c.RejectType,
            c.ModerationComment,
            c.AttemptsUsed,
            c.AttemptsLeft,
            locked ? c.LockedUntil : null,
            canRetry,
            canRetry || (c.Status == VerificationStatus.NotStarted && !c.IsLocked(now)),
            c.PendingSince,
            c.Status == VerificationStatus.Pending && last is not null ? last.DueAt : null,
            pendingTooLong,
            c.Status == VerificationStatus.Rejected ? [.. reasons.Select(fieldOf).OfType<string>().Distinct()] : [],
            PrefillView.Of(last?.Details),
            FormValidation.Today(now)); // the app checks the date of birth against the date the server checks it against
    }

    /// <summary>An older mapping of reasons to fields, with the name and the number the wrong way round.</summary>
    private static string? HighlightedFieldBefore(string code) => code switch
    {
        ReasonCode.NameMismatch => FormField.DocumentNumber,
        ReasonCode.IdNumberMismatch => FormField.FullName,
        _ => ReasonCode.FieldOf(code),
    };
}

/// <summary>The last attempt's details, for the retry form; never its photos.</summary>
public sealed record PrefillView(string Region, string DocumentType, string FullName, string DocumentNumber, DateOnly DateOfBirth)
{
    public static PrefillView? Of(AttemptDetails? d) => d is null ? null : new(d.Region, d.DocumentType, d.FullName, d.DocumentNumber, d.DateOfBirth);
}

public sealed record AttemptView(
    string AttemptId,
    int Number,
    DateTimeOffset SubmittedAt,
    string Status,
    IReadOnlyList<string> Reasons,
    string? RejectType,
    DateTimeOffset? ReviewedAt,
    PrefillView? Details,
    bool HasFrontImage,
    bool HasBackImage)
{
    public static AttemptView Of(Attempt a) => new(
        a.Id, a.Number, a.SubmittedAt, a.Status, a.Reasons, a.RejectType, a.ReviewedAt,
        PrefillView.Of(a.Details),
        a.FrontImage is not null, a.BackImage is not null);
}
