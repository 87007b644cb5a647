using KycE2E.Automation.Configuration;
using KycE2E.Automation.Journeys;

namespace KycE2E.Specs.Support;

/// <summary>
/// How a scenario that is not about logging in starts logged in ("Given she is logged in"): through the environment's
/// log-in call (Run:LogIn api, the default) or through the log-in page (ui); the guide's own step 1 ("When she logs
/// in") always goes through the page.
/// </summary>
public sealed class LoggedInStart(SuiteSettings settings, ScenarioUser user, IVerificationActions actions)
{
    public Task StartAsync() =>
        settings.Run.LogIn == "ui" ? actions.LogInAsync(user.Current) : actions.StartLoggedInAsync(user.Current);
}
