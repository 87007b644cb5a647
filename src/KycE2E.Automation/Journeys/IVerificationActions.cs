using KycE2E.Automation.Identity;
using KycE2E.Automation.TestData;
using KycE2E.Documents;

namespace KycE2E.Automation.Journeys;

/// <summary>
/// What the user does with her verification on one platform, in the guide's steps. Steps call this; each platform says
/// how. What she is told in return is <see cref="IVerificationExpectations"/>.
/// </summary>
public interface IVerificationActions
{
    /// <summary>Guide step 1 on both clients: open the website or the app and log in.</summary>
    Task LogInAsync(TestUser user);

    /// <summary>
    /// She is logged in already, for a scenario that is not about logging in: the environment's own log-in call, without
    /// the log-in page (web: the portal's log-in form posted over HTTP, its cookie kept by the browser; app:
    /// /api/v1/auth/login, its token kept where the app keeps it), then the page she starts from, which only a logged-in
    /// user sees (web: the home page with the avatar; app: the profile with the personal center, then the home screen).
    /// </summary>
    Task StartLoggedInAsync(TestUser user);

    /// <summary>Web: avatar at the top right → personal center → identity verification. App: profile tab → personal center → identity verification.</summary>
    Task OpenIdentityVerificationAsync();

    Task RetryAsync();

    /// <summary>Guide step 4: fill in the personal information again.</summary>
    Task EnterDetailsAsync(FormDetails details);

    /// <summary>Guide step 5: choose the ID photos (the back only for an ID card).</summary>
    Task ChoosePhotosAsync(DocumentPhoto front, DocumentPhoto? back);

    /// <summary>Guide step 6: check the details, then submit.</summary>
    Task CheckAndSubmitAsync();

    Task SubmitAgainAsync();

    /// <summary>Goes straight to her verification status, as from a bookmark, or as the app does when it is opened again.</summary>
    Task OpenStatusPageAsync();

    /// <summary>Leaves the status page with the back button and comes back to it.</summary>
    Task GoBackAndReturnAsync();

    /// <summary>The device loses (or regains) its network, on the client side.</summary>
    Task SetOfflineAsync(bool offline);

    /// <summary>Looks at the status again, as a user coming back later does.</summary>
    Task ReloadStatusAsync();

    /// <summary>Shows the status page in the other language, as the language switch does.</summary>
    Task SwitchLanguageAsync(string locale);

    /// <summary>The next submission is sent twice at once by the network (a proxy's or a client library's retry); the client sees the first answer.</summary>
    Task SendNextSubmissionTwiceAsync();
}
