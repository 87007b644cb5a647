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
    public static readonly IReadOnlyList<(string Code, string DefaultType)> Table =
    [
        ("PHOTO_BLURRY", RejectType.Retry),
        ("PHOTO_GLARE", RejectType.Retry),
        ("PHOTO_OBSCURED", RejectType.Retry),
        ("PHOTO_LOW_QUALITY", RejectType.Retry),
        ("DOCUMENT_UNREADABLE", RejectType.Retry),
        ("BACK_SIDE_MISSING", RejectType.Retry),
        ("NAME_MISMATCH", RejectType.Retry),
        ("ID_NUMBER_MISMATCH", RejectType.Retry),
        ("DOB_MISMATCH", RejectType.Retry),
        ("DOCUMENT_EXPIRED", RejectType.Retry),
        ("DOCUMENT_NOT_ACCEPTED", RejectType.Retry),
        ("UNDERAGE", RejectType.Final),
        ("REGION_NOT_SUPPORTED", RejectType.Final),
        ("DUPLICATE_IDENTITY", RejectType.Final),
        ("ATTEMPTS_EXCEEDED", RejectType.Final),
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
}

public sealed record VerificationCase(
    string UserId,
    string Status,
    IReadOnlyList<string> Reasons,
    string? RejectType,
    string? ModerationComment,
    int AttemptsUsed,
    DateTimeOffset? LockedUntil)
{
    public const int AttemptLimit = 5;

    public int AttemptsLeft => Math.Max(0, AttemptLimit - AttemptsUsed);

    public bool IsLocked(DateTimeOffset now) => LockedUntil is { } until && until > now;

    /// <summary>Retry is offered for a RETRY rejection that is not locked; otherwise the user is sent to support.</summary>
    public bool CanRetry(DateTimeOffset now) =>
        Status == VerificationStatus.Rejected && RejectType == Domain.RejectType.Retry && !IsLocked(now) && AttemptsLeft > 0;

    public static VerificationCase NotStartedFor(string userId) =>
        new(userId, VerificationStatus.NotStarted, [], null, null, 0, null);
}

public sealed record SandboxUser(string Id, string Email, string PasswordHash, string Locale, string Region, DateTimeOffset CreatedAt);
