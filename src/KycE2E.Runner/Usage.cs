namespace KycE2E.Runner;

/// <summary>A run that cannot go on: one line on stderr ("e2e: …") and its exit code, 2 (bad input, environment) unless said.</summary>
public sealed class UsageException(string message, int exitCode = ExitCodes.Environment) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

public static class Usage
{
    public const string Text = """
        Usage: ./e2e VERB [options]

          run       install what is missing, start the sandbox and Appium, run every feature on web and mobile;
                    artifacts/<run>/index.html: the verdict and links to the Allure report, JUnit, TRX
                      --tags EXPR      SpecFlow tags, e.g. "@smoke and not @mobile"
                      --platform P     web or mobile
                      --env NAME       local (default), ci, staging or device-farm (runsettings/NAME.runsettings)
                      --workers N      features run side by side (default: the number of cores)
                      --headed         show the browser (needs a display)
                      --device NAME    the phone profile, e.g. "iPhone 14 Pro Max" (default Pixel 7)
                      --screenshots M  off, on-failure (default) or every-step (a picture book of the steps)
                      --retries N      re-run only the failed scenarios up to N times; one that then passes is flaky
                      --shard I/N      run shard I of N: scenarios shared out by recorded time (artifacts/durations.json)
                      --seed N         the random test data of an earlier run again (its report and first lines name N)
                      --grid URL       the mobile scenarios through this Selenium Grid hub (or Appium server): no Appium of
                                       its own; a hub that is down or has no node for the suite stops the run at once
                      --verbose        every step of every scenario on the console (always in artifacts/<run>/console.log)
          test      everything CI checks: unit tests, integration tests, every feature (ci profile), the smoke scenarios
                    through remote engines (2 Playwright servers, a Selenium Grid of 2 nodes), and the drills of
                    tests/drills/ (start-up errors, Ctrl-C, contract, staging)
                      --verbose        every line of each dotnet test on the console (always in artifacts/<run>/*console.log)
                      --only grid-smoke   only that stage
          contract  check that an environment offers what the suite needs (docs/environment-contract.md): the
                    test-data API, /health, clock, faults, outbox and every catalogued element on web and app; one
                    line per capability (present, missing, wrong); exit 0 all present, 1 missing or wrong, 2 unreachable
                      --env NAME       the profile whose environment is checked (default local: the run's own sandbox)
          grid up [--nodes N] [--port P]   a local Selenium Grid 4: a hub and N relay nodes (default 2), each with its
                    own Appium (deploy/grid/); prints the hub's URL and stays until Ctrl-C or ./e2e grid down
          grid down | grid status   stop it; show the hub, its nodes, their Appium servers and sessions (.grid/state.json)
          sandbox   start the sandbox alone for exploratory testing (--port N, default 5080)
          show-trace FILE   open a Playwright trace.zip from artifacts/ in the trace viewer
          docs --out DIR [--seed N] [--on YYYY-MM-DD]
                    write the synthetic ID photos (every variant) and their manifest, for exploratory testing
          report merge OUT DIR...   one index.html, Allure report and JUnit file from several result folders (shards, retries)
          defects   the suite against each deliberate sandbox defect (docs/defects.md): clean run first, then a
                    matrix defect → caught by which scenarios / missed; non-zero on a miss or a failing clean run
          bench     the benchmark (not a test): full run with 2 and 1 workers, seconds per scenario and platform,
                    log-in through the page against through the API (the same scenarios both ways; CPU seconds),
                    start-up, framework overhead against plain scripts, a 50-user load test, document timings,
                    the sandbox's upload fuzz and login abuse at full size (artifacts/bench/hardening.log);
                    writes artifacts/bench/results.md and results.json (README "Benchmark" says how to read them)
                      --repeats N (5)  --users N (50)  --seconds N (60)  --tags EXPR (limit the full runs)
                      --only PARTS (workers,login,overhead,startup,load,documents,hardening; default all)
          install   only install the prerequisites (apt packages with Java 17; Appium, Allure, the Grid and the
                    Cucumber Messages schema from tools/)
          help      this text

        Exit codes: 0 all passed, 1 a test failed, 2 the environment could not be set up, 130 interrupted (Ctrl-C).
        """;
}

/// <summary>The exit codes of every verb.</summary>
public static class ExitCodes
{
    public const int Passed = 0;
    public const int Failed = 1;
    public const int Environment = 2;
    public const int Interrupted = 130;
}
