using System.Security.Cryptography;
using Dapper;
using KycE2E.Sandbox.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace KycE2E.Sandbox.Auth;

/// <summary>
/// Portal sign-ins kept in the database; the cookie only names one. Logging out deletes it, so a copy of the cookie
/// taken before stops working at once, and sign-ins survive a restart like the rest of the data.
/// </summary>
public sealed class PortalSessionStore(SandboxDatabase database) : ITicketStore
{
    public Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        using var db = database.Open();
        db.Execute("DELETE FROM portal_sessions WHERE expires_at < @now", new { now = SandboxDatabase.Iso(TimeProvider.System.GetUtcNow()) });
        db.Execute(
            "INSERT INTO portal_sessions (id, user_id, ticket, expires_at) VALUES (@key, @userId, @ticket, @expiresAt)",
            new { key, userId = ticket.Principal.UserId(), ticket = TicketSerializer.Default.Serialize(ticket), expiresAt = ExpiryOf(ticket) });
        return Task.FromResult(key);
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        using var db = database.Open();
        db.Execute(
            "UPDATE portal_sessions SET ticket = @ticket, expires_at = @expiresAt WHERE id = @key",
            new { key, ticket = TicketSerializer.Default.Serialize(ticket), expiresAt = ExpiryOf(ticket) });
        return Task.CompletedTask;
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        using var db = database.Open();
        var ticket = db.QuerySingleOrDefault<byte[]>("SELECT ticket FROM portal_sessions WHERE id = @key", new { key });
        return Task.FromResult(ticket is null ? null : TicketSerializer.Default.Deserialize(ticket));
    }

    public Task RemoveAsync(string key)
    {
        using var db = database.Open();
        db.Execute("DELETE FROM portal_sessions WHERE id = @key", new { key });
        return Task.CompletedTask;
    }

    private static string ExpiryOf(AuthenticationTicket ticket) =>
        SandboxDatabase.Iso(ticket.Properties.ExpiresUtc ?? TimeProvider.System.GetUtcNow().AddMinutes(new Options.SandboxOptions().CookieLifetimeMinutes));
}
