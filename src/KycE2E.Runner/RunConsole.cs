using System.Globalization;
using System.Text.RegularExpressions;

namespace KycE2E.Runner;

/// <summary>What a pass of dotnet test prints on the console: its scenarios, one line each, or its test project in one line.</summary>
public enum ConsoleForm
{
    /// <summary>The features: a line per finished scenario with a running count; steps and NUnit's own lines stay in the log.</summary>
    Scenarios,

    /// <summary>A unit or integration project: dotnet test's summary line and each failed test with the first lines of its message.</summary>
    Tests,
}

/// <summary>
/// The console of one dotnet test pass, fed its output line by line as it is written to the pass's console.log: it keeps what
/// a reader needs (start-up lines, a line per scenario with [done/total], failures, errors of dotnet test itself) and leaves
/// the step trace to the log, or shows everything with --verbose. On a terminal a live line under them says how far the pass is.
/// </summary>
public sealed partial class RunConsole(TextWriter output, ConsoleForm form, bool verbose, bool live)
{
    /// <summary>Lines of a failed test's message shown on the console; the rest is in the log and the TRX.</summary>
    public const int MessageLines = 6;

    private const string ClearLine = "\r\u001b[2K";
    private readonly Lock _lock = new();
    private State _state = State.None;
    private int _messageLines;
    private bool _statusShown;
    private bool _totalGiven;

    private enum State
    {
        None,
        ScenarioDetail,
        FailedTest,
        FailedTestMessage,
    }

    /// <summary>
    /// Scenarios the pass will run: the NUnit adapter's count of the test cases it loaded with the pass's filter, which it
    /// prints before the first scenario starts ("NUnit3TestExecutor discovered N of M"), or the count given to <see cref="Expect"/>;
    /// 0 until it is known.
    /// </summary>
    public int Total { get; private set; }

    public int Done { get; private set; }

    public int Failed { get; private set; }

    /// <summary>A live line only on a terminal, and never in CI (CI=true), where plain lines are kept in the job's log.</summary>
    public static bool IsLive(bool outputIsTerminal, Func<string, string?> variable) =>
        outputIsTerminal && !string.Equals(variable("CI"), "true", StringComparison.OrdinalIgnoreCase) && variable("TERM") is not "dumb";

    /// <summary>One scenario as the console shows it: platform, outcome, seconds, [done/total], feature / title.</summary>
    public static string ScenarioLine(string platform, string outcome, double seconds, string title, int done, int total)
    {
        var count = total > 0 && done <= total
            ? $"[{done.ToString(CultureInfo.InvariantCulture).PadLeft(total.ToString(CultureInfo.InvariantCulture).Length)}/{total}]"
            : $"[{done}]";
        return string.Create(CultureInfo.InvariantCulture, $"[{platform,-6}] {outcome,-7} {seconds,5:0.0}s  {count}  {title}");
    }

    /// <summary>The pass's count is known before it starts (a retry re-runs the tests it names): the adapter's count is then not used.</summary>
    public void Expect(int total)
    {
        Total = total;
        _totalGiven = true;
    }

    /// <summary>One line of dotnet test's output (stdout or stderr), in the order it was written.</summary>
    public void Line(string line)
    {
        lock (_lock)
        {
            foreach (var shown in Show(line))
            {
                Write(shown);
            }
        }
    }

    /// <summary>The pass has ended: the live line is taken away, so what follows starts on a clean line.</summary>
    public void Finish()
    {
        lock (_lock)
        {
            if (_statusShown)
            {
                output.Write(ClearLine);
                _statusShown = false;
            }
        }
    }

    private IEnumerable<string> Show(string line)
    {
        if (Discovered().Match(line) is { Success: true } discovered)
        {
            Total = _totalGiven ? Total : int.Parse(discovered.Groups[1].Value, CultureInfo.InvariantCulture);
            _state = State.None;
            return verbose ? [line] : [];
        }

        if (ScenarioFinished().Match(line) is { Success: true } scenario)
        {
            Done++;
            Failed += scenario.Groups[2].Value == "failed" ? 1 : 0;
            _state = State.ScenarioDetail;
            return [ScenarioLine(scenario.Groups[1].Value, scenario.Groups[2].Value,
                double.Parse(scenario.Groups[3].Value.Replace(',', '.'), CultureInfo.InvariantCulture), scenario.Groups[4].Value, Done, Total)];
        }

        if (verbose)
        {
            return [line];
        }

        if (_state == State.ScenarioDetail && line.StartsWith("         ", StringComparison.Ordinal))
        {
            return [line];
        }

        if (form == ConsoleForm.Tests && FailedTestDetail(line) is { } detail)
        {
            return detail;
        }

        _state = State.None;
        if (line.StartsWith("KycE2E: ", StringComparison.Ordinal) && !line.StartsWith("KycE2E: artifacts of ", StringComparison.Ordinal))
        {
            return [line];
        }

        if (form == ConsoleForm.Tests && TestsSummary().IsMatch(line))
        {
            return [line.Trim()];
        }

        if (form == ConsoleForm.Tests && FailedTest().Match(line) is { Success: true } failed)
        {
            Failed++;
            _state = State.FailedTest;
            return ["  failed: " + failed.Groups[1].Value];
        }

        return Kept().IsMatch(line) ? [line] : [];
    }

    /// <summary>A failed test's "Error Message:" lines, up to <see cref="MessageLines"/>; null when the line is not one of them.</summary>
    private IEnumerable<string>? FailedTestDetail(string line)
    {
        switch (_state)
        {
            case State.FailedTest when line.Trim() == "Error Message:":
                _state = State.FailedTestMessage;
                _messageLines = 0;
                return [];
            case State.FailedTestMessage when line.Trim() is "Stack Trace:" or "Standard Output Messages:" or "Standard Error Messages:":
                _state = State.None;
                return [];
            case State.FailedTestMessage when line.Trim().Length == 0:
                return [];
            case State.FailedTestMessage when !TestResult().IsMatch(line) && !TestsSummary().IsMatch(line):
                return ++_messageLines <= MessageLines ? ["      " + line.Trim()] : [];
            default:
                return null;
        }
    }

    private void Write(string line)
    {
        if (!live || form != ConsoleForm.Scenarios)
        {
            output.WriteLine(line);
            return;
        }

        output.Write(ClearLine);
        output.WriteLine(line);
        output.Write(Status());
        output.Flush();
        _statusShown = true;
    }

    private string Status() => string.Create(CultureInfo.InvariantCulture,
        $"  running: {Done}{(Total > 0 ? $" of {Total}" : "")} scenarios done{(Failed > 0 ? $", {Failed} failed" : "")} (Ctrl-C stops the run and writes its report)");

    [GeneratedRegex(@"NUnit3TestExecutor discovered (\d+) of \d+ NUnit test cases")]
    private static partial Regex Discovered();

    /// <summary>The line ScenarioRecordHooks writes when a scenario ends: "[web   ] passed    7.4s  Feature / Title".</summary>
    [GeneratedRegex(@"^\[(web|mobile)\s*\] (passed|failed|skipped)\s+([0-9]+(?:[.,][0-9]+)?)s\s+(.*)$")]
    private static partial Regex ScenarioFinished();

    /// <summary>dotnet test's line per project: "Passed!  - Failed: 0, Passed: 312, Skipped: 0, Total: 312, Duration: 14 s - X.dll".</summary>
    [GeneratedRegex(@"^\s*(Passed|Failed|Skipped)!\s+-\s+Failed:")]
    private static partial Regex TestsSummary();

    [GeneratedRegex(@"^\s+Failed (.+?)(?: \[[^\]]+\])?$")]
    private static partial Regex FailedTest();

    [GeneratedRegex(@"^\s+(Passed|Failed|Skipped) ")]
    private static partial Regex TestResult();

    /// <summary>What dotnet test says when it cannot run, aborts or crashes, and GitHub Actions' workflow commands: never hidden.</summary>
    [GeneratedRegex(@"^(::|The active test run was aborted|Test Run Aborted|Testhost process|No test matches the given testcase filter|No test is available|Unhandled exception|error )|: error ")]
    private static partial Regex Kept();
}
