using System.Diagnostics;
using System.Text.RegularExpressions;
using KycE2E.Automation.Processes;

namespace KycE2E.IntegrationTests.Automation;

public sealed class ChildProcessTests
{
    [Test]
    public async Task Stopping_a_child_in_its_own_process_group_also_ends_what_its_crashed_children_left_behind()
    {
        // Like Appium's Chromium after its chromedriver crashed: a grandchild whose parent is gone (now a child of
        // init, outside the tree) but still in the child's process group.
        var dir = Directory.CreateTempSubdirectory("kyce2e-child-").FullName;
        var start = new ProcessStartInfo("setsid") { ArgumentList = { "bash", "-c", "(sleep 1000 & echo \"orphan $!\"); exec sleep 1000" } };
        var (child, ready) = await ChildProcess.StartAsync("The test child", start, new Regex(@"orphan (?<pid>\d+)"), Path.Combine(dir, "child.log"), TimeSpan.FromSeconds(30));
        using var orphan = Process.GetProcessById(int.Parse(ready.Groups["pid"].Value, System.Globalization.CultureInfo.InvariantCulture));
        File.ReadAllText($"/proc/{orphan.Id}/stat").Should().Contain(" 1 ", "the orphan's parent is init, not the child");

        await child.DisposeAsync();

        orphan.WaitForExit(TimeSpan.FromSeconds(10)).Should().BeTrue("the orphan was in the child's process group");
        Directory.Delete(dir, recursive: true);
    }
}
