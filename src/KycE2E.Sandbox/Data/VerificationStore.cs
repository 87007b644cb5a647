using System.Globalization;
using System.Text.Json;
using Dapper;
using KycE2E.Sandbox.Domain;

namespace KycE2E.Sandbox.Data;

public sealed class VerificationStore(SandboxDatabase database)
{
    public VerificationCase For(string userId)
    {
        using var db = database.Open();
        var row = db.QuerySingleOrDefault<CaseRow>("SELECT * FROM verification_cases WHERE user_id = @userId", new { userId });
        return row is null
            ? VerificationCase.NotStartedFor(userId)
            : new VerificationCase(
                row.user_id,
                row.status,
                JsonSerializer.Deserialize<string[]>(row.reasons) ?? [],
                row.reject_type,
                row.moderation_comment,
                (int)row.attempts_used,
                row.locked_until is null ? null : DateTimeOffset.Parse(row.locked_until, CultureInfo.InvariantCulture));
    }

    public void Save(VerificationCase c)
    {
        using var db = database.Open();
        db.Execute(
            """
            INSERT INTO verification_cases (user_id, status, reasons, reject_type, moderation_comment, attempts_used, locked_until)
            VALUES (@UserId, @Status, @Reasons, @RejectType, @ModerationComment, @AttemptsUsed, @LockedUntil)
            ON CONFLICT(user_id) DO UPDATE SET status = excluded.status, reasons = excluded.reasons, reject_type = excluded.reject_type,
                moderation_comment = excluded.moderation_comment, attempts_used = excluded.attempts_used, locked_until = excluded.locked_until
            """,
            new
            {
                c.UserId,
                c.Status,
                Reasons = JsonSerializer.Serialize(c.Reasons),
                c.RejectType,
                c.ModerationComment,
                c.AttemptsUsed,
                LockedUntil = c.LockedUntil?.ToString("O"),
            });
    }

#pragma warning disable IDE1006, CA1812 // column names as SQLite has them; instantiated by Dapper
    private sealed record CaseRow(string user_id, string status, string reasons, string? reject_type, string? moderation_comment, long attempts_used, string? locked_until);
#pragma warning restore IDE1006, CA1812
}
