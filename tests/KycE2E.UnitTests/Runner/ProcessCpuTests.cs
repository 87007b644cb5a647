using KycE2E.Runner;

namespace KycE2E.UnitTests.Runner;

public sealed class ProcessCpuTests
{
    /// <summary>A /proc/&lt;pid&gt;/stat line as Linux writes it: utime, stime, cutime, cstime are fields 14–17, the start time field 22.</summary>
    private static string Line(int pid, string command, int parent, long utime, long stime, long cutime = 0, long cstime = 0, long start = 1000) =>
        $"{pid} ({command}) S {parent} {pid} 8841 0 -1 4194304 100 0 0 0 {utime} {stime} {cutime} {cstime} 20 0 1 0 {start} 3133440 408 18446744073709551615 94363207307264 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0";

    [Test]
    public void A_stat_line_is_read_by_field_number_even_when_the_command_holds_spaces_and_parentheses()
    {
        var stat = ProcStat.Parse(Line(4242, "Web Content (x) 2", 4200, utime: 150, stime: 30, cutime: 20, cstime: 10, start: 98765))!.Value;

        stat.Should().Be(new ProcStat(4242, 4200, 150, 30, 20, 10, 98765));
        stat.Ticks.Should().Be(210);
        ProcStat.Parse("30827 (cat) R 30825 30825 8841 0 -1 4194304 100 0 0 0 7 3 0 0 20 0 1 0 3596606 3133440 408").Should().Be(new ProcStat(30827, 30825, 7, 3, 0, 0, 3596606));
        ProcStat.Parse("not a stat line").Should().BeNull();
        ProcStat.Parse("12 (short) S 1 12").Should().BeNull("a line cut off before field 22 is not counted as zero");
    }

    [Test]
    public void The_run_counts_what_the_runner_reaped_and_the_processes_that_left_its_tree_from_their_last_sample()
    {
        const int runner = 100;
        var tally = new CpuTally(runner);
        // dotnet test (200) → test host (300) → sandbox (400) and a browser (500); an unrelated process (900) is never counted.
        tally.Observe(Stats(
            Line(runner, "KycE2E.Runner", 1, 50, 5),
            Line(200, "dotnet", runner, 100, 20),
            Line(300, "testhost", 200, 400, 50),
            Line(400, "KycE2E.Sandbox", 300, 300, 40),
            Line(500, "chromium", 300, 900, 100),
            Line(900, "someone else's", 1, 5000, 500)));
        // The test host ended before the browser, which another process (here init) now reaps: it left the tree.
        tally.Observe(Stats(
            Line(runner, "KycE2E.Runner", 1, 60, 6),
            Line(200, "dotnet", runner, 110, 22, cutime: 800, cstime: 120),
            Line(500, "chromium", 1, 1000, 110),
            Line(900, "someone else's", 1, 6000, 600)));

        var before = ProcStat.Parse(Line(runner, "KycE2E.Runner", 1, 50, 5, cutime: 10, cstime: 2))!.Value;
        // dotnet test reaped by the runner at last: its own 110 + 22 and the 800 + 120 it reaped had been added to the runner's.
        var after = ProcStat.Parse(Line(runner, "KycE2E.Runner", 1, 70, 7, cutime: 10 + 132 + 920, cstime: 2))!.Value;

        tally.Seconds(before, after, RunCpu.TicksPerSecond).Should().Be((132 + 920 + 1110) / 100.0);
        tally.Processes.Should().Be(4, "dotnet test, the test host, the sandbox and the browser; not the runner, not the other process");
    }

    [Test]
    public void A_pid_used_again_by_a_new_process_outside_the_tree_is_not_taken_for_one_that_left_it()
    {
        var tally = new CpuTally(100);
        tally.Observe(Stats(Line(100, "runner", 1, 1, 1), Line(200, "chromedriver", 100, 10, 10, start: 5000)));
        tally.Observe(Stats(Line(100, "runner", 1, 1, 1), Line(200, "new owner of the pid", 1, 700, 700, start: 9000)));

        var self = ProcStat.Parse(Line(100, "runner", 1, 1, 1))!.Value;
        tally.Seconds(self, self, 100).Should().Be(0);
    }

    private static List<ProcStat> Stats(params string[] lines) => [.. lines.Select(l => ProcStat.Parse(l)!.Value)];
}
