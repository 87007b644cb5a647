using KycE2E.Automation.Identity;

namespace KycE2E.Automation.Journeys;

/// <summary>
/// What the user is told on one platform, each expectation the same on both clients: the exact words of the user's
/// language, values as she reads them. A platform retries each until it holds or its timeout ends, and then fails.
/// </summary>
public interface IVerificationExpectations
{
    Task ExpectStatusAsync(string status);

    /// <summary>Exactly these reasons are shown, in this order, each with its message word for word.</summary>
    Task ExpectReasonsAsync(IReadOnlyList<RejectionReason> reasons);

    /// <summary>This reason is among those shown, with its message word for word.</summary>
    Task ExpectReasonAmongAsync(RejectionReason reason);

    /// <summary>Retry is offered, and neither contact support nor the note that retry is impossible is shown.</summary>
    Task ExpectRetryOfferedAsync();

    /// <summary>No retry: the way forward is customer support (FINAL, or a lock).</summary>
    Task ExpectSentToSupportAsync();

    /// <summary>The note that this verification cannot be retried (FINAL), word for word.</summary>
    Task ExpectFinalNoteAsync();

    /// <summary>The attempts left today, as the status page says it.</summary>
    Task ExpectAttemptsLeftAsync(int count);

    /// <summary>The form field a failed review pointed at is marked for correction (a FormField name).</summary>
    Task ExpectHighlightedAsync(string field);

    /// <summary>The form shows the last attempt's details and no photos, front or back.</summary>
    Task ExpectPrefilledWithoutPhotosAsync(FormDetails last);

    Task ExpectVerificationFormAsync();

    /// <summary>The pending status, the note to wait, and the expected review time as the user reads it.</summary>
    Task ExpectPendingAsync(DateTimeOffset expectedBy);

    /// <summary>The form shows this error beside this field (a FormField name), in words, tied to the field for assistive technology.</summary>
    Task ExpectFormErrorAsync(string field, string code);

    /// <summary>The upload failed: the user is told to check her network and stays where she was.</summary>
    Task ExpectUploadFailedAsync();

    /// <summary>The check step and the form's own fields still hold what she entered, and both photos are still chosen.</summary>
    Task ExpectNothingLostAsync(FormDetails details, bool withBack);

    /// <summary>The submission was refused as a whole (e.g. attempts_exceeded), with this code and, when given, these words.</summary>
    Task ExpectSubmissionRefusedAsync(string code, string? message = null);

    /// <summary>The status page says when retry opens again, as the user reads it.</summary>
    Task ExpectLockedUntilAsync(DateTimeOffset until);

    /// <summary>No lock is shown: no time to wait for, no attempts-exceeded notice.</summary>
    Task ExpectNotLockedAsync();

    Task ExpectPendingTooLongAsync();

    /// <summary>A review that is not late sends nobody to support: no delay notice, no contact link.</summary>
    Task ExpectNotPendingTooLongAsync();

    /// <summary>The answers both copies got, once both have come back.</summary>
    Task<IReadOnlyList<SubmissionCopy>> SubmissionCopiesAsync();

    /// <summary>axe-core's serious and critical findings on the page shown now, one line each.</summary>
    Task<IReadOnlyList<string>> BlockingAccessibilityProblemsAsync();
}

/// <summary>One copy of a submission the network sent twice: its HTTP status and the attempt it named.</summary>
public sealed record SubmissionCopy(int Status, string? AttemptId);
