using Dapper;
using KycE2E.Sandbox.Options;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace KycE2E.Sandbox.Data;

/// <summary>The sandbox's SQLite file; the schema is created on start, so a fresh data folder is all it needs.</summary>
public sealed class SandboxDatabase
{
    private readonly string _connectionString;

    public SandboxDatabase(IOptions<SandboxOptions> options)
    {
        var dir = Path.GetFullPath(options.Value.DataDir);
        Directory.CreateDirectory(dir);
        FilePath = Path.Combine(dir, "sandbox.db");
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string FilePath { get; }

    /// <summary>Times are stored as UTC ISO 8601 text, which sorts like the instants it names.</summary>
    public static string Iso(DateTimeOffset t) => t.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseIso(string? text) =>
        text is null ? null : DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind);

    /// <summary>Empties every table (the test-data API's reset); the schema stays.</summary>
    public void Reset()
    {
        using var db = Open();
        using var tx = db.BeginTransaction();
        db.Execute("DELETE FROM outbox; DELETE FROM faults; DELETE FROM forced_reviews; DELETE FROM attempts; DELETE FROM verification_cases; DELETE FROM api_tokens; DELETE FROM portal_sessions; DELETE FROM users; DELETE FROM user_clocks; DELETE FROM sandbox_state;", transaction: tx);
        tx.Commit();
    }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    public void CreateSchema()
    {
        using var db = Open();
        db.Execute("""
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS users (
                id            TEXT PRIMARY KEY,
                email         TEXT NOT NULL UNIQUE,
                password_hash TEXT NOT NULL,
                locale        TEXT NOT NULL,
                region        TEXT NOT NULL,
                created_at    TEXT NOT NULL
            );
            CREATE TABLE IF NOT EXISTS verification_cases (
                user_id            TEXT PRIMARY KEY REFERENCES users(id),
                status             TEXT NOT NULL,
                reasons            TEXT NOT NULL,
                reject_type        TEXT NULL,
                moderation_comment TEXT NULL,
                locked_until       TEXT NULL,
                pending_since      TEXT NULL
            );
            CREATE TABLE IF NOT EXISTS attempts (
                id                 TEXT PRIMARY KEY,
                user_id            TEXT NOT NULL REFERENCES users(id),
                number             INTEGER NOT NULL,
                submitted_at       TEXT NOT NULL,
                due_at             TEXT NOT NULL,
                region             TEXT NULL,
                document_type      TEXT NULL,
                full_name          TEXT NULL,
                document_number    TEXT NULL,
                date_of_birth      TEXT NULL,
                front_image        TEXT NULL,
                back_image         TEXT NULL,
                status             TEXT NOT NULL,
                reasons            TEXT NOT NULL,
                reject_type        TEXT NULL,
                moderation_comment TEXT NULL,
                reviewed_at        TEXT NULL,
                seeded             INTEGER NOT NULL DEFAULT 0,
                idempotency_key    TEXT NULL,
                UNIQUE (user_id, idempotency_key)
            );
            CREATE INDEX IF NOT EXISTS attempts_by_user ON attempts (user_id, submitted_at);
            CREATE INDEX IF NOT EXISTS attempts_pending ON attempts (status, due_at);
            CREATE TABLE IF NOT EXISTS forced_reviews (
                user_id            TEXT PRIMARY KEY REFERENCES users(id),
                answer             TEXT NOT NULL,
                reasons            TEXT NOT NULL,
                reject_type        TEXT NULL,
                moderation_comment TEXT NULL
            );
            CREATE TABLE IF NOT EXISTS faults (
                id        INTEGER PRIMARY KEY AUTOINCREMENT,
                user_id   TEXT NULL,
                kind      TEXT NOT NULL,
                remaining INTEGER NOT NULL,
                ms        INTEGER NOT NULL
            );
            CREATE TABLE IF NOT EXISTS outbox (
                id         INTEGER PRIMARY KEY AUTOINCREMENT,
                user_id    TEXT NOT NULL,
                channel    TEXT NOT NULL,
                recipient  TEXT NOT NULL,
                subject    TEXT NOT NULL,
                body       TEXT NOT NULL,
                status     TEXT NOT NULL,
                created_at TEXT NOT NULL
            );
            CREATE TABLE IF NOT EXISTS api_tokens (
                token      TEXT PRIMARY KEY,
                user_id    TEXT NOT NULL REFERENCES users(id),
                expires_at TEXT NOT NULL
            );
            CREATE TABLE IF NOT EXISTS portal_sessions (
                id         TEXT PRIMARY KEY,
                user_id    TEXT NOT NULL REFERENCES users(id),
                ticket     BLOB NOT NULL,
                expires_at TEXT NOT NULL
            );
            CREATE TABLE IF NOT EXISTS user_clocks (
                user_id      TEXT PRIMARY KEY,
                offset_ticks INTEGER NOT NULL
            );
            CREATE TABLE IF NOT EXISTS sandbox_state (
                key   TEXT PRIMARY KEY,
                value TEXT NOT NULL
            );
            """);
    }
}
