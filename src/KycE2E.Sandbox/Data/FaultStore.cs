using Dapper;

namespace KycE2E.Sandbox.Data;

public static class FaultKind
{
    public const string UploadFail = "upload-fail";
    public const string UploadLatency = "upload-latency";
    public const string ReviewOutage = "review-outage";

    public static readonly IReadOnlyList<string> All = [UploadFail, UploadLatency, ReviewOutage];
}

/// <summary>Injected network and back-end faults; each is used up after its count.</summary>
public sealed class FaultStore(SandboxDatabase database)
{
    public void Add(string? userId, string kind, int count, int ms)
    {
        using var db = database.Open();
        db.Execute("INSERT INTO faults (user_id, kind, remaining, ms) VALUES (@userId, @kind, @count, @ms)", new { userId, kind, count, ms });
    }

    /// <summary>Takes one use of a matching fault (the user's own first, then a global one); null when none applies.</summary>
    public int? Take(string userId, string kind)
    {
        using var db = database.Open();
        using var tx = db.BeginTransaction();
        var fault = db.QueryFirstOrDefault<(long Id, long Ms)?>(
            "SELECT id AS Id, ms AS Ms FROM faults WHERE kind = @kind AND remaining > 0 AND (user_id = @userId OR user_id IS NULL) ORDER BY user_id IS NULL, id",
            new { kind, userId }, tx);
        if (fault is null)
        {
            return null;
        }

        db.Execute("UPDATE faults SET remaining = remaining - 1 WHERE id = @Id", new { fault.Value.Id }, tx);
        tx.Commit();
        return (int)fault.Value.Ms;
    }

    public bool Active(string userId, string kind)
    {
        using var db = database.Open();
        return db.ExecuteScalar<long>(
            "SELECT COUNT(*) FROM faults WHERE kind = @kind AND remaining > 0 AND (user_id = @userId OR user_id IS NULL)", new { kind, userId }) > 0;
    }
}
