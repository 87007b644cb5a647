using Dapper;
using Microsoft.Data.Sqlite;

namespace KycE2E.Sandbox.Data;

/// <summary>The e-mails and SMS the sandbox "sent": written here instead of leaving the machine.</summary>
public sealed class OutboxStore(SandboxDatabase database)
{
    /// <summary>Adds the message inside the caller's transaction, so it is written together with what it reports, or not at all.</summary>
    public static void Add(SqliteConnection db, SqliteTransaction? tx, OutboxMessage message) =>
        db.Execute(
            "INSERT INTO outbox (user_id, channel, recipient, subject, body, status, created_at) VALUES (@UserId, @Channel, @Recipient, @Subject, @Body, @Status, @CreatedAt)",
            new { message.UserId, message.Channel, message.Recipient, message.Subject, message.Body, message.Status, CreatedAt = SandboxDatabase.Iso(message.CreatedAt) },
            tx);

    public IReadOnlyList<OutboxMessage> For(string? userId)
    {
        using var db = database.Open();
        return [.. db.Query<(string UserId, string Channel, string Recipient, string Subject, string Body, string Status, string CreatedAt)>(
                "SELECT user_id AS UserId, channel AS Channel, recipient AS Recipient, subject AS Subject, body AS Body, status AS Status, created_at AS CreatedAt FROM outbox WHERE (@userId IS NULL OR user_id = @userId) ORDER BY id",
                new { userId })
            .Select(r => new OutboxMessage(r.UserId, r.Channel, r.Recipient, r.Subject, r.Body, r.Status, SandboxDatabase.ParseIso(r.CreatedAt)!.Value))];
    }
}

public sealed record OutboxMessage(string UserId, string Channel, string Recipient, string Subject, string Body, string Status, DateTimeOffset CreatedAt);
