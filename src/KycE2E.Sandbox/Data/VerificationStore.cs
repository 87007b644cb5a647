using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Dapper;
using KycE2E.Sandbox.Clock;
using KycE2E.Sandbox.Domain;
using Microsoft.Data.Sqlite;
using static KycE2E.Sandbox.Data.SandboxDatabase;

namespace KycE2E.Sandbox.Data;

/// <summary>Each user's verification case and the history of its attempts.</summary>
public sealed class VerificationStore(SandboxDatabase database, UserClock clock)
{
    public VerificationCase For(string userId)
    {
        using var db = database.Open();
        return For(db, null, userId);
    }

    public VerificationCase For(SqliteConnection db, SqliteTransaction? tx, string userId)
    {
        var now = clock.Now(userId);
        var used = db.ExecuteScalar<long>(
            "SELECT COUNT(*) FROM attempts WHERE user_id = @userId AND submitted_at >= @since",
            new { userId, since = Iso(now - VerificationCase.AttemptWindow) }, tx);
        var row = db.QuerySingleOrDefault<CaseRow>("SELECT * FROM verification_cases WHERE user_id = @userId", new { userId }, tx);
        return row is null
            ? VerificationCase.NotStartedFor(userId) with { AttemptsUsed = (int)used }
            : new VerificationCase(
                row.user_id,
                row.status,
                JsonSerializer.Deserialize<string[]>(row.reasons) ?? [],
                row.reject_type,
                row.moderation_comment,
                (int)used,
                ParseIso(row.locked_until),
                ParseIso(row.pending_since));
    }

    public void Save(VerificationCase c)
    {
        using var db = database.Open();
        Save(db, null, c);
    }

    public static void Save(SqliteConnection db, SqliteTransaction? tx, VerificationCase c) =>
        db.Execute(
            """
            INSERT INTO verification_cases (user_id, status, reasons, reject_type, moderation_comment, locked_until, pending_since)
            VALUES (@UserId, @Status, @Reasons, @RejectType, @ModerationComment, @LockedUntil, @PendingSince)
            ON CONFLICT(user_id) DO UPDATE SET status = excluded.status, reasons = excluded.reasons, reject_type = excluded.reject_type,
                moderation_comment = excluded.moderation_comment, locked_until = excluded.locked_until, pending_since = excluded.pending_since
            """,
            new
            {
                c.UserId,
                c.Status,
                Reasons = JsonSerializer.Serialize(c.Reasons),
                c.RejectType,
                c.ModerationComment,
                LockedUntil = c.LockedUntil is { } l ? Iso(l) : null,
                PendingSince = c.PendingSince is { } p ? Iso(p) : null,
            },
            tx);

    public static string NewAttemptId() => "a_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public static void Insert(SqliteConnection db, SqliteTransaction? tx, Attempt a, string? idempotencyKey) =>
        db.Execute(
            """
            INSERT INTO attempts (id, user_id, number, submitted_at, due_at, region, document_type, full_name, document_number, date_of_birth,
                front_image, back_image, status, reasons, reject_type, moderation_comment, reviewed_at, seeded, idempotency_key)
            VALUES (@Id, @UserId, @Number, @SubmittedAt, @DueAt, @Region, @DocumentType, @FullName, @DocumentNumber, @DateOfBirth,
                @FrontImage, @BackImage, @Status, @Reasons, @RejectType, @ModerationComment, @ReviewedAt, @Seeded, @IdempotencyKey)
            """,
            new
            {
                a.Id,
                a.UserId,
                a.Number,
                SubmittedAt = Iso(a.SubmittedAt),
                DueAt = Iso(a.DueAt),
                a.Details?.Region,
                a.Details?.DocumentType,
                a.Details?.FullName,
                a.Details?.DocumentNumber,
                DateOfBirth = a.Details?.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                a.FrontImage,
                a.BackImage,
                a.Status,
                Reasons = JsonSerializer.Serialize(a.Reasons),
                a.RejectType,
                a.ModerationComment,
                ReviewedAt = a.ReviewedAt is { } r ? Iso(r) : null,
                Seeded = a.Seeded ? 1 : 0,
                IdempotencyKey = idempotencyKey,
            },
            tx);

    public static int NextAttemptNumber(SqliteConnection db, SqliteTransaction? tx, string userId) =>
        (int)db.ExecuteScalar<long>("SELECT COALESCE(MAX(number), 0) + 1 FROM attempts WHERE user_id = @userId", new { userId }, tx);

    public static Attempt? ByIdempotencyKey(SqliteConnection db, SqliteTransaction? tx, string userId, string key) =>
        Map(db.QuerySingleOrDefault<AttemptRow>("SELECT * FROM attempts WHERE user_id = @userId AND idempotency_key = @key", new { userId, key }, tx));

    public IReadOnlyList<Attempt> Attempts(string userId)
    {
        using var db = database.Open();
        return [.. db.Query<AttemptRow>("SELECT * FROM attempts WHERE user_id = @userId ORDER BY number", new { userId }).Select(r => Map(r)!)];
    }

    /// <summary>The last attempt that has details (seeded history has none), for pre-filling the retry form.</summary>
    public Attempt? LastAttemptWithDetails(string userId)
    {
        var all = Attempts(userId);
        for (var i = all.Count - 1; i >= 0; i--)
        {
            if (all[i].Details is not null)
            {
                return all[i];
            }
        }

        return null;
    }

    public Attempt? Attempt(string attemptId)
    {
        using var db = database.Open();
        return Map(db.QuerySingleOrDefault<AttemptRow>("SELECT * FROM attempts WHERE id = @attemptId", new { attemptId }));
    }

    /// <summary>Pending attempts, oldest first; only those due by <paramref name="dueBy"/> unless it is null.</summary>
    public IReadOnlyList<Attempt> Pending(string? userId, DateTimeOffset? dueBy)
    {
        using var db = database.Open();
        return [.. db.Query<AttemptRow>(
                "SELECT * FROM attempts WHERE status = 'pending' AND (@userId IS NULL OR user_id = @userId) AND (@dueBy IS NULL OR due_at <= @dueBy) ORDER BY due_at",
                new { userId, dueBy = dueBy is { } d ? Iso(d) : null })
            .Select(r => Map(r)!)];
    }

    /// <summary>
    /// Records a review's result on the attempt and the case, and the message that tells the user, in one transaction: a crash
    /// leaves the review either done and notified or still pending, never done without its message. False when the attempt
    /// was no longer pending (nothing is written then).
    /// </summary>
    public bool CompleteReview(Attempt attempt, string status, IReadOnlyList<string> reasons, string? rejectType, string? comment, DateTimeOffset at, OutboxMessage? notification)
    {
        using var db = database.Open();
        using var tx = db.BeginTransaction();
        var changed = db.Execute(
            "UPDATE attempts SET status = @status, reasons = @reasons, reject_type = @rejectType, moderation_comment = @comment, reviewed_at = @at WHERE id = @id AND status = 'pending'",
            new { status, reasons = JsonSerializer.Serialize(reasons), rejectType, comment, at = Iso(at), id = attempt.Id }, tx);
        if (changed == 1)
        {
            var current = For(db, tx, attempt.UserId);
            Save(db, tx, current with
            {
                Status = status,
                Reasons = reasons,
                RejectType = rejectType,
                ModerationComment = comment,
                PendingSince = null,
            });
            db.Execute("DELETE FROM forced_reviews WHERE user_id = @userId", new { userId = attempt.UserId }, tx);
            if (notification is not null)
            {
                OutboxStore.Add(db, tx, notification);
            }
        }

        tx.Commit();
        return changed == 1;
    }

    /// <summary>Every photo name an attempt refers to.</summary>
    public IReadOnlySet<string> ImageNames()
    {
        using var db = database.Open();
        return db.Query<string>("SELECT front_image FROM attempts WHERE front_image IS NOT NULL UNION SELECT back_image FROM attempts WHERE back_image IS NOT NULL")
            .ToHashSet(StringComparer.Ordinal);
    }

    public void Postpone(string attemptId, DateTimeOffset dueAt)
    {
        using var db = database.Open();
        db.Execute("UPDATE attempts SET due_at = @dueAt WHERE id = @attemptId AND status = 'pending'", new { attemptId, dueAt = Iso(dueAt) });
    }

    /// <param name="ownAccountOnly">A deliberate defect (docs/defects.md): the query looks at the user's own account instead of the others.</param>
    public bool IsApprovedElsewhere(string userId, string documentNumber, bool ownAccountOnly = false)
    {
        using var db = database.Open();
        return db.ExecuteScalar<long>(
            ownAccountOnly
                ? "SELECT COUNT(*) FROM attempts WHERE status = 'approved' AND user_id = @userId AND document_number = @documentNumber COLLATE NOCASE"
                : "SELECT COUNT(*) FROM attempts WHERE status = 'approved' AND user_id <> @userId AND document_number = @documentNumber COLLATE NOCASE",
            new { userId, documentNumber }) > 0;
    }

    public void Force(ForcedReview forced)
    {
        using var db = database.Open();
        db.Execute(
            """
            INSERT INTO forced_reviews (user_id, answer, reasons, reject_type, moderation_comment) VALUES (@UserId, @Answer, @Reasons, @RejectType, @ModerationComment)
            ON CONFLICT(user_id) DO UPDATE SET answer = excluded.answer, reasons = excluded.reasons, reject_type = excluded.reject_type, moderation_comment = excluded.moderation_comment
            """,
            new { forced.UserId, forced.Answer, Reasons = JsonSerializer.Serialize(forced.Reasons), forced.RejectType, forced.ModerationComment });
    }

    public ForcedReview? ForcedFor(string userId)
    {
        using var db = database.Open();
        var row = db.QuerySingleOrDefault<(string Answer, string Reasons, string? RejectType, string? Comment)>(
            "SELECT answer AS Answer, reasons AS Reasons, reject_type AS RejectType, moderation_comment AS Comment FROM forced_reviews WHERE user_id = @userId",
            new { userId });
        return row.Answer is null
            ? null
            : new ForcedReview(userId, row.Answer, JsonSerializer.Deserialize<string[]>(row.Reasons) ?? [], row.RejectType, row.Comment);
    }

    private static Attempt? Map(AttemptRow? r) => r is null
        ? null
        : new Attempt(
            r.id,
            r.user_id,
            (int)r.number,
            ParseIso(r.submitted_at)!.Value,
            ParseIso(r.due_at)!.Value,
            r.region is null ? null : new AttemptDetails(r.region, r.document_type!, r.full_name!, r.document_number!,
                DateOnly.ParseExact(r.date_of_birth!, "yyyy-MM-dd", CultureInfo.InvariantCulture)),
            r.front_image,
            r.back_image,
            r.status,
            JsonSerializer.Deserialize<string[]>(r.reasons) ?? [],
            r.reject_type,
            r.moderation_comment,
            ParseIso(r.reviewed_at),
            r.seeded != 0);

#pragma warning disable IDE1006, CA1812 // column names as SQLite has them; instantiated by Dapper
    private sealed record CaseRow(string user_id, string status, string reasons, string? reject_type, string? moderation_comment, string? locked_until, string? pending_since);

    private sealed record AttemptRow(
        string id, string user_id, long number, string submitted_at, string due_at, string? region, string? document_type, string? full_name,
        string? document_number, string? date_of_birth, string? front_image, string? back_image, string status, string reasons, string? reject_type,
        string? moderation_comment, string? reviewed_at, long seeded, string? idempotency_key);
#pragma warning restore IDE1006, CA1812
}

/// <summary>A result set by the test-data API for the user's next or pending review (Sumsub's testCompleted).</summary>
public sealed record ForcedReview(string UserId, string Answer, IReadOnlyList<string> Reasons, string? RejectType, string? ModerationComment);
