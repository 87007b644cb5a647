using Dapper;
using KycE2E.Sandbox.Clock;

namespace KycE2E.Sandbox.Data;

/// <summary>Each user's clock offset in the database.</summary>
public sealed class UserClockOffsets(SandboxDatabase database) : IUserClockOffsets
{
    public TimeSpan Load(string userId)
    {
        using var db = database.Open();
        return TimeSpan.FromTicks(db.ExecuteScalar<long?>("SELECT offset_ticks FROM user_clocks WHERE user_id = @userId", new { userId }) ?? 0);
    }

    public void Save(string userId, TimeSpan offset)
    {
        using var db = database.Open();
        db.Execute(
            "INSERT INTO user_clocks (user_id, offset_ticks) VALUES (@userId, @ticks) ON CONFLICT(user_id) DO UPDATE SET offset_ticks = excluded.offset_ticks",
            new { userId, ticks = offset.Ticks });
    }
}
