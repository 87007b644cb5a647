using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using KycE2E.Sandbox.Hosting;

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
                attempts_used      INTEGER NOT NULL,
                locked_until       TEXT NULL
            );
            CREATE TABLE IF NOT EXISTS api_tokens (
                token      TEXT PRIMARY KEY,
                user_id    TEXT NOT NULL REFERENCES users(id),
                expires_at TEXT NOT NULL
            );
            """);
    }
}
