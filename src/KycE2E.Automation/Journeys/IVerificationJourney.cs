using KycE2E.Automation.TestData;

namespace KycE2E.Automation.Journeys;

/// <summary>What a user does with her verification, on one platform. Steps call this; each platform says how.</summary>
public interface IVerificationJourney
{
    Platform Platform { get; }

    /// <summary>Guide step 1 on both clients: open the website or the app and log in.</summary>
    Task LogInAsync(TestUser user);

    /// <summary>Web: avatar at the top right → personal center → identity verification. App: profile tab → personal center → identity verification.</summary>
    Task OpenIdentityVerificationAsync();

    Task ExpectStatusAsync(string status);

    /// <summary>Exactly these reasons are shown, in this order, each with its message.</summary>
    Task ExpectReasonsAsync(IReadOnlyList<RejectionReason> reasons);

    Task ExpectRetryOfferedAsync();

    Task RetryAsync();

    Task ExpectVerificationFormAsync();
}

public enum Platform
{
    Web,
    Mobile,
}
