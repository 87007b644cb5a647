namespace KycE2E.UnitTests.Architecture;

/// <summary>
/// The folders (= namespaces) of the two layered assemblies, lowest first. A folder may use the folders of the
/// layers below its own and nothing above; folders in one layer do not use each other.
/// </summary>
public static class Layers
{
    public const string AutomationRoot = "KycE2E.Automation";

    public static readonly IReadOnlyList<string[]> Automation =
    [
        ["Processes"],      // child processes, loopback ports, the checkout's layout, Chromium's switches
        ["Configuration"],  // settings and their checks
        ["Identity"],       // the people and documents a scenario is made of
        ["TestData"],       // the test-data API and the app's API as clients
        ["Journeys"],       // what the user does and is told, and the guide's words
        ["Elements"],       // the catalogue of elements: each one's web way and app way to be found
        ["Accessibility"],  // axe findings that block a user
        ["Artifacts"],      // a scenario's evidence folder
        ["Sessions"],       // one platform session's contract and the pool rule
        ["Web", "Mobile"],  // the engines, each on its own
        ["Environment"],    // the run's wiring: sandbox, Appium server, pools and sessions per platform
    ];

    public const string SandboxRoot = "KycE2E.Sandbox";

    public static readonly IReadOnlyList<string[]> Sandbox =
    [
        ["Options"],        // configuration sections
        ["Defects"],        // the deliberate regressions switched on by name
        ["Domain"],         // a case, its attempts and reasons
        ["Clock"],          // the sandbox's time and each user's (kept by Data, through IUserClockOffsets)
        ["Texts"],          // the words in both languages
        ["Data"],           // SQLite stores
        ["Auth"],           // sign-in, tokens, the login limiter
        ["Verification"],   // form checks, submissions, the review
        ["Views"],          // a case as clients see it
        ["Api"],            // the app's API and the portal's endpoints
        ["TestApi"],        // the test-data API
        ["Pages"],          // the portal's Razor pages
        ["Hosting"],        // the HTTP pipeline and the process around it
    ];

    /// <summary>
    /// Every folder with the folders it must not use: those of higher layers and the others in its own layer. The top
    /// folder alone may use every other, so it has no rule of its own.
    /// </summary>
    public static IEnumerable<(string Folder, string[] Forbidden)> Rules(IReadOnlyList<string[]> layers) =>
        layers.SelectMany((layer, i) => layer.Select(folder => (
            Folder: folder,
            Forbidden: layers.Skip(i + 1).SelectMany(above => above).Concat(layer.Where(other => other != folder)).ToArray())))
        .Where(rule => rule.Forbidden.Length > 0);

    /// <summary>The namespace and everything under it.</summary>
    public static string Pattern(string root, string folder) => $@"^{System.Text.RegularExpressions.Regex.Escape(root + "." + folder)}(\..+)?$";
}
