using System.Security.Cryptography;
using Dapper;
using KycE2E.Sandbox.Domain;

namespace KycE2E.Sandbox.Data;

public sealed class UserStore(SandboxDatabase database, TimeProvider clock)
{
    private const int HashIterations = 10_000;

    /// <summary>A hash no password matches in practice, checked for addresses that have no account.</summary>
    private static readonly string UnknownUserHash = HashPassword(Convert.ToHexString(RandomNumberGenerator.GetBytes(32)));

    public SandboxUser Create(string email, string password, string locale, string region)
    {
        var user = new SandboxUser(
            "u_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            email,
            HashPassword(password),
            locale,
            region,
            clock.GetUtcNow());
        using var db = database.Open();
        db.Execute(
            "INSERT INTO users (id, email, password_hash, locale, region, created_at) VALUES (@Id, @Email, @PasswordHash, @Locale, @Region, @CreatedAt)",
            new { user.Id, user.Email, user.PasswordHash, user.Locale, user.Region, CreatedAt = user.CreatedAt.ToString("O") });
        return user;
    }

    public SandboxUser? Find(string id)
    {
        using var db = database.Open();
        return Map(db.QuerySingleOrDefault<UserRow>("SELECT * FROM users WHERE id = @id", new { id }));
    }

    public SandboxUser? FindByCredentials(string email, string password)
    {
        using var db = database.Open();
        var user = Map(db.QuerySingleOrDefault<UserRow>("SELECT * FROM users WHERE email = @email COLLATE NOCASE", new { email = email.Trim() }));
        // An unknown address costs the same hashing as a known one, so the answer's time does not tell which addresses exist.
        var verified = VerifyPassword(password, user?.PasswordHash ?? UnknownUserHash);
        return user is not null && verified ? user : null;
    }

    public string IssueToken(string userId, TimeSpan lifetime)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        using var db = database.Open();
        db.Execute(
            "INSERT INTO api_tokens (token, user_id, expires_at) VALUES (@token, @userId, @expiresAt)",
            new { token, userId, expiresAt = (TimeProvider.System.GetUtcNow() + lifetime).ToString("O") });
        return token;
    }

    /// <summary>Ends one token (the app's logout); the user's other tokens stay valid.</summary>
    public void RevokeToken(string token)
    {
        using var db = database.Open();
        db.Execute("DELETE FROM api_tokens WHERE token = @token", new { token });
    }

    public SandboxUser? FindByToken(string token)
    {
        using var db = database.Open();
        var row = db.QuerySingleOrDefault<(string UserId, string ExpiresAt)>(
            "SELECT user_id AS UserId, expires_at AS ExpiresAt FROM api_tokens WHERE token = @token", new { token });
        if (row.UserId is null || DateTimeOffset.Parse(row.ExpiresAt, System.Globalization.CultureInfo.InvariantCulture) <= TimeProvider.System.GetUtcNow()) // sessions expire in real time: moving the sandbox clock logs nobody out
        {
            return null;
        }

        return Find(row.UserId);
    }

    private static string HashPassword(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, HashIterations, HashAlgorithmName.SHA256, 32);
        return $"{Convert.ToBase64String(salt)}.{Convert.ToBase64String(hash)}";
    }

    private static bool VerifyPassword(string password, string stored)
    {
        var parts = stored.Split('.');
        var salt = Convert.FromBase64String(parts[0]);
        var expected = Convert.FromBase64String(parts[1]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(password, salt, HashIterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static SandboxUser? Map(UserRow? row) => row is null
        ? null
        : new SandboxUser(row.id, row.email, row.password_hash, row.locale, row.region,
            DateTimeOffset.Parse(row.created_at, System.Globalization.CultureInfo.InvariantCulture));

#pragma warning disable IDE1006, CA1812 // column names as SQLite has them; instantiated by Dapper
    private sealed record UserRow(string id, string email, string password_hash, string locale, string region, string created_at);
#pragma warning restore IDE1006, CA1812
}
