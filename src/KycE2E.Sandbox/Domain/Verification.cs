namespace KycE2E.Sandbox.Domain;

/// <summary>The states of a user's verification case, as the API spells them.</summary>
public static class VerificationStatus
{
    public const string NotStarted = "not_started";
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Rejected = "rejected";

    public static readonly IReadOnlyList<string> All = [NotStarted, Pending, Approved, Rejected];
}

public static class RejectType
{
    public const string Retry = "RETRY";
    public const string Final = "FINAL";

    public static readonly IReadOnlyList<string> All = [Retry, Final];
}

/// <summary>Review reason codes in the fixed order they are reported in, with their default type.</summary>
public static class ReasonCode
{
    public const string PhotoBlurry = "PHOTO_BLURRY";
    public const string PhotoGlare = "PHOTO_GLARE";
    public const string PhotoObscured = "PHOTO_OBSCURED";
    public const string PhotoLowQuality = "PHOTO_LOW_QUALITY";
    public const string DocumentUnreadable = "DOCUMENT_UNREADABLE";
    public const string BackSideMissing = "BACK_SIDE_MISSING";
    public const string NameMismatch = "NAME_MISMATCH";
    public const string IdNumberMismatch = "ID_NUMBER_MISMATCH";
    public const string DobMismatch = "DOB_MISMATCH";
    public const string DocumentExpired = "DOCUMENT_EXPIRED";
    public const string DocumentNotAccepted = "DOCUMENT_NOT_ACCEPTED";
    public const string Underage = "UNDERAGE";
    public const string RegionNotSupported = "REGION_NOT_SUPPORTED";
    public const string DuplicateIdentity = "DUPLICATE_IDENTITY";
    public const string AttemptsExceeded = "ATTEMPTS_EXCEEDED";

    /// <summary>Every code with its default type; ATTEMPTS_EXCEEDED has none (null): it is a lock (lockedUntil), not a RETRY or FINAL rejection.</summary>
    public static readonly IReadOnlyList<(string Code, string? DefaultType)> Table =
    [
        (PhotoBlurry, RejectType.Retry),
        (PhotoGlare, RejectType.Retry),
        (PhotoObscured, RejectType.Retry),
        (PhotoLowQuality, RejectType.Retry),
        (DocumentUnreadable, RejectType.Retry),
        (BackSideMissing, RejectType.Retry),
        (NameMismatch, RejectType.Retry),
        (IdNumberMismatch, RejectType.Retry),
        (DobMismatch, RejectType.Retry),
        (DocumentExpired, RejectType.Retry),
        (DocumentNotAccepted, RejectType.Retry),
        (Underage, RejectType.Final),
        (RegionNotSupported, RejectType.Final),
        (DuplicateIdentity, RejectType.Final),
        (AttemptsExceeded, null),
    ];

    public static bool IsKnown(string code) => Table.Any(r => r.Code == code);

    /// <summary>FINAL as soon as one reason is final by default, as Sumsub derives it.</summary>
    public static string DefaultTypeFor(IEnumerable<string> codes) =>
        codes.Any(c => Table.Any(r => r.Code == c && r.DefaultType == RejectType.Final)) ? RejectType.Final : RejectType.Retry;

    public static IReadOnlyList<string> InReportOrder(IEnumerable<string> codes)
    {
        var set = codes.ToHashSet(StringComparer.Ordinal);
        return [.. Table.Select(r => r.Code).Where(set.Contains)];
    }

    /// <summary>The form field a reason points at, highlighted when the user retries.</summary>
    public static string? FieldOf(string code) => code switch
    {
        NameMismatch => FormField.FullName,
        IdNumberMismatch => FormField.DocumentNumber,
        DobMismatch => FormField.DateOfBirth,
        BackSideMissing => FormField.BackImage,
        DocumentNotAccepted or DocumentExpired => FormField.DocumentType,
        RegionNotSupported => FormField.Region,
        PhotoBlurry or PhotoGlare or PhotoObscured or PhotoLowQuality or DocumentUnreadable => FormField.FrontImage,
        _ => null,
    };
}

/// <summary>The verification form's fields, as both clients and the API name them.</summary>
public static class FormField
{
    public const string Region = "region";
    public const string DocumentType = "documentType";
    public const string FullName = "fullName";
    public const string DocumentNumber = "documentNumber";
    public const string DateOfBirth = "dateOfBirth";
    public const string FrontImage = "frontImage";
    public const string BackImage = "backImage";
}

public static class DocumentKind
{
    public const string IdCard = "id_card";
    public const string Passport = "passport";

    public static readonly IReadOnlyList<string> All = [IdCard, Passport];
}

public sealed record VerificationCase(
    string UserId,
    string Status,
    IReadOnlyList<string> Reasons,
    string? RejectType,
    string? ModerationComment,
    int AttemptsUsed,
    DateTimeOffset? LockedUntil,
    DateTimeOffset? PendingSince = null)
{
    public const int AttemptLimit = 5;

    public static readonly TimeSpan AttemptWindow = TimeSpan.FromHours(24);

    public static readonly TimeSpan LockDuration = TimeSpan.FromHours(24);

    /// <summary>Past this, a pending review sends the user to support, as the guide advises.</summary>
    public static readonly TimeSpan PendingTooLong = TimeSpan.FromHours(24);

    public int AttemptsLeft => Math.Max(0, AttemptLimit - AttemptsUsed);

    public bool IsLocked(DateTimeOffset now) => LockedUntil is { } until && until > now;

    /// <summary>Retry is offered for a RETRY rejection that is not locked; otherwise the user is sent to support.</summary>
    public bool CanRetry(DateTimeOffset now) =>
        Status == VerificationStatus.Rejected && RejectType == Domain.RejectType.Retry && !IsLocked(now);

    public bool CanStart(DateTimeOffset now) => (Status == VerificationStatus.NotStarted && !IsLocked(now)) || CanRetry(now);

    public bool IsPendingTooLong(DateTimeOffset now) =>
        Status == VerificationStatus.Pending && PendingSince is { } since && now - since > PendingTooLong;

    public static VerificationCase NotStartedFor(string userId) =>
        new(userId, VerificationStatus.NotStarted, [], null, null, 0, null);
}

public sealed record SandboxUser(string Id, string Email, string PasswordHash, string Locale, string Region, DateTimeOffset CreatedAt);

/// <summary>What the user typed on the form.</summary>
public sealed record AttemptDetails(string Region, string DocumentType, string FullName, string DocumentNumber, DateOnly DateOfBirth);

/// <summary>One submission: its details, its images (stored file names) and, once reviewed, its result.</summary>
public sealed record Attempt(
    string Id,
    string UserId,
    int Number,
    DateTimeOffset SubmittedAt,
    DateTimeOffset DueAt,
    AttemptDetails? Details,
    string? FrontImage,
    string? BackImage,
    string Status,
    IReadOnlyList<string> Reasons,
    string? RejectType,
    string? ModerationComment,
    DateTimeOffset? ReviewedAt,
    bool Seeded);
