using System.Collections.Concurrent;

namespace KycE2E.Sandbox.Clock;

/// <summary>
/// Each user's "now": the sandbox clock plus that user's own offset. Tests that move time for one user (a review
/// falling due, a lock expiring) then leave every other user's time alone, so scenarios can run side by side.
/// </summary>
public sealed class UserClock(TimeProvider clock, IUserClockOffsets stored)
{
    private readonly ConcurrentDictionary<string, TimeSpan> _offsets = new(StringComparer.Ordinal);

    public DateTimeOffset Global => clock.GetUtcNow();

    public DateTimeOffset Now(string userId) => clock.GetUtcNow() + Offset(userId);

    public void Advance(string userId, TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        var offset = Offset(userId) + by;
        stored.Save(userId, offset);
        _offsets[userId] = offset;
    }

    public void Forget() => _offsets.Clear();

    private TimeSpan Offset(string userId) => _offsets.GetOrAdd(userId, stored.Load);
}

/// <summary>Where each user's offset is kept, so that a restart keeps every user's date (the database, in Data).</summary>
public interface IUserClockOffsets
{
    TimeSpan Load(string userId);

    void Save(string userId, TimeSpan offset);
}
