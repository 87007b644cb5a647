using KycE2E.Automation.Identity;
using KycE2E.Automation.TestData;
using KycE2E.Documents;

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

    /// <summary>Guide step 4: fill in the personal information again.</summary>
    Task EnterDetailsAsync(FormDetails details);

    /// <summary>Guide step 5: choose the ID photos (the back only for an ID card).</summary>
    Task ChoosePhotosAsync(DocumentPhoto front, DocumentPhoto? back);

    /// <summary>Guide step 6: check the details, then submit.</summary>
    Task CheckAndSubmitAsync();

    /// <summary>The pending status with the expected review time.</summary>
    Task ExpectPendingAsync();

    /// <summary>Looks at the status again, as a user coming back later does.</summary>
    Task ReloadStatusAsync();
}

public enum Platform
{
    Web,
    Mobile,
}
