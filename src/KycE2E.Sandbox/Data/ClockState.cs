using System.Globalization;
using Dapper;

namespace KycE2E.Sandbox.Data;

/// <summary>The sandbox clock's offset, kept in the database so that a restart keeps the sandbox's date.</summary>
public sealed class ClockState(SandboxDatabase database)
{
    private const string Key = "clock_offset_ticks";

    public TimeSpan Load()
    {
        using var db = database.Open();
        var value = db.ExecuteScalar<string?>("SELECT value FROM sandbox_state WHERE key = @Key", new { Key });
        return value is null ? TimeSpan.Zero : TimeSpan.FromTicks(long.Parse(value, CultureInfo.InvariantCulture));
    }

    public void Save(TimeSpan offset)
    {
        using var db = database.Open();
        db.Execute(
            "INSERT INTO sandbox_state (key, value) VALUES (@Key, @value) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            new { Key, value = offset.Ticks.ToString(CultureInfo.InvariantCulture) });
    }
}
