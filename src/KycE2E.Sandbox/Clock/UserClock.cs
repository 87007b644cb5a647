using System.Collections.Concurrent;
using Dapper;
using KycE2E.Sandbox.Data;

namespace KycE2E.Sandbox.Clock;

/// <summary>
/// Each user's "now": the sandbox clock plus that user's own offset. Tests that move time for one user (a review
/// falling due, a lock expiring) then leave every other user's time alone, so scenarios can run side by side.
/// </summary>
public sealed class UserClock(TimeProvider clock, SandboxDatabase database)
{
    private readonly ConcurrentDictionary<string, TimeSpan> _offsets = new(StringComparer.Ordinal);

    public DateTimeOffset Global => clock.GetUtcNow();

    public DateTimeOffset Now(string userId) => clock.GetUtcNow() + Offset(userId);

    public void Advance(string userId, TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        var offset = Offset(userId) + by;
        using var db = database.Open();
        db.Execute(
            "INSERT INTO user_clocks (user_id, offset_ticks) VALUES (@userId, @ticks) ON CONFLICT(user_id) DO UPDATE SET offset_ticks = excluded.offset_ticks",
            new { userId, ticks = offset.Ticks });
        _offsets[userId] = offset;
    }

    public void Forget() => _offsets.Clear();

    private TimeSpan Offset(string userId) => _offsets.GetOrAdd(userId, id =>
    {
        using var db = database.Open();
        return TimeSpan.FromTicks(db.ExecuteScalar<long?>("SELECT offset_ticks FROM user_clocks WHERE user_id = @id", new { id }) ?? 0);
    });
}
