using KycE2E.Automation.Journeys;

namespace KycE2E.Automation.Sessions;

/// <summary>
/// One scenario on one platform, from its start in a pooled engine to its end: what the hooks need, so that they
/// never ask which platform they are on.
/// </summary>
public interface IPlatformSession
{
    Platform Platform { get; }

    /// <summary>What the user does, in the guide's steps, on this platform.</summary>
    IVerificationActions Actions { get; }

    /// <summary>What the user is told on this platform, checked until it holds.</summary>
    IVerificationExpectations Expectations { get; }

    /// <summary>A picture of what the user sees now, for the step record; false when the engine cannot take one.</summary>
    Task<bool> TryScreenshotAsync(string path);

    /// <summary>Everything the engine can say about a failure, into the scenario's artifacts (given at its start); capturing never throws for a dead engine.</summary>
    Task CaptureFailureAsync();

    /// <summary>Hands the engine back to its pool: kept when the scenario passed and it is clean, discarded otherwise.</summary>
    Task EndAsync(bool failed);
}
