namespace KycE2E.Sandbox.Clock;

/// <summary>The sandbox's own time: the machine's clock plus an offset that the test-data API moves forward.</summary>
public sealed class SandboxClock(TimeProvider baseClock) : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => baseClock.GetUtcNow() + Offset;

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}
