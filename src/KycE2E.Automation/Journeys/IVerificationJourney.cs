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

    /// <summary>This reason is among those shown, with its message.</summary>
    Task ExpectReasonAmongAsync(RejectionReason reason);

    Task ExpectRetryOfferedAsync();

    /// <summary>No retry: the way forward is customer support (FINAL, or a lock).</summary>
    Task ExpectSentToSupportAsync();

    /// <summary>The form field a failed review pointed at is marked for correction (a FormField name).</summary>
    Task ExpectHighlightedAsync(string field);

    /// <summary>The form shows the last attempt's details and no photos.</summary>
    Task ExpectPrefilledWithoutPhotosAsync(FormDetails last);

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

    /// <summary>The form shows this error code beside this field (a FormField name).</summary>
    Task ExpectFormErrorAsync(string field, string code);

    /// <summary>The upload failed: the user is told to check her network and stays where she was.</summary>
    Task ExpectUploadFailedAsync();

    /// <summary>The check step still shows what she entered.</summary>
    Task ExpectCheckShowsAsync(FormDetails details);

    Task SubmitAgainAsync();

    /// <summary>The submission was refused as a whole (e.g. attempts_exceeded), with the code the page shows.</summary>
    Task ExpectSubmissionRefusedAsync(string code);

    /// <summary>Goes straight to her verification status, as from a bookmark or the app's back button.</summary>
    Task OpenStatusPageAsync();

    Task ExpectLockedUntilAsync();

    Task ExpectPendingTooLongAsync();

    /// <summary>The device loses (or regains) its network, on the client side.</summary>
    Task SetOfflineAsync(bool offline);

    /// <summary>Looks at the status again, as a user coming back later does.</summary>
    Task ReloadStatusAsync();
}

public enum Platform
{
    Web,
    Mobile,
}
