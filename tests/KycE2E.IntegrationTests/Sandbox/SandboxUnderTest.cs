using KycE2E.Automation.Configuration;
using KycE2E.Automation.Environment;
using KycE2E.Automation.Processes;
using KycE2E.Automation.Identity;
using KycE2E.Automation.TestData;
using KycE2E.Documents;

namespace KycE2E.IntegrationTests.Sandbox;

/// <summary>The real sandbox process on loopback, with its own data folder, and clients for both of its APIs.</summary>
public sealed class SandboxUnderTest : IAsyncDisposable
{
    private ChildProcess _process = null!;

    private SandboxUnderTest(string dir)
    {
        Dir = dir;
    }

    public string Dir { get; }

    public string TestApiKey => _key!;

    public HttpClient Http { get; private set; } = null!;

    public TestDataClient TestData { get; private set; } = null!;

    public AppApiClient App { get; private set; } = null!;

    public static async Task<SandboxUnderTest> StartAsync()
    {
        var sandbox = new SandboxUnderTest(Directory.CreateTempSubdirectory("kyce2e-sandbox-").FullName);
        await sandbox.StartProcessAsync();
        return sandbox;
    }

    /// <summary>
    /// A sandbox started with extra settings (e.g. "Sandbox__TokenLifetimeMinutes"): the child inherits this process's
    /// environment, so they are set only while it starts. Callers are [NonParallelizable] (a fixture or the one test), so nothing else starts meanwhile.
    /// </summary>
    public static async Task<SandboxUnderTest> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        if (settings.Count > 0 && TestContext.CurrentContext.Test.Properties.Get("ParallelScope") is not ParallelScope.None)
        {
            throw new InvalidOperationException($"{TestContext.CurrentContext.Test.FullName} starts a sandbox with settings: mark it [NonParallelizable].");
        }

        var before = settings.Keys.ToDictionary(k => k, System.Environment.GetEnvironmentVariable);
        foreach (var (name, value) in settings)
        {
            System.Environment.SetEnvironmentVariable(name, value);
        }

        try
        {
            return await StartAsync();
        }
        finally
        {
            foreach (var (name, value) in before)
            {
                System.Environment.SetEnvironmentVariable(name, value);
            }
        }
    }

    /// <summary>The sandbox's process id, for reading its memory from /proc.</summary>
    public int ProcessId => _process.Pid;

    /// <summary>Kills the process outright (no graceful stop) and starts it again on the same data folder.</summary>
    public async Task KillAndRestartAsync()
    {
        await KillAsync();
        await RestartAsync();
    }

    /// <summary>
    /// Kills the process outright: Process.Kill(entireProcessTree) freezes it with SIGSTOP and then sends SIGKILL on Linux and macOS
    /// (TerminateProcess on Windows), so no shutdown code, no finally block and no pending write of the sandbox runs. Returns the exit code (137 = killed by signal 9 on Linux and macOS).
    /// The data folder is left exactly as the kill left it until <see cref="RestartAsync"/>.
    /// </summary>
    public async Task<int?> KillAsync()
    {
        await _process.DisposeAsync();
        Http.Dispose();
        return _process.ExitCode;
    }

    /// <summary>Starts the sandbox again on the same data folder and test-data key, with new clients (the port changes).</summary>
    public Task RestartAsync() => StartProcessAsync();

    /// <summary>The sandbox's log (its console output) so far.</summary>
    public string Log()
    {
        using var stream = new FileStream(_process.LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// POST /api/v1/auth/login as the app sends it. A large body first waits for the sandbox's go-ahead (Expect: 100-continue, as curl
    /// does), so that a body over the limit is answered with its 413 instead of being cut off mid-way.
    /// </summary>
    public async Task<HttpResponseMessage> LogInAsync(string email, string password, CancellationToken cancel = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/v1/auth/login", UriKind.Relative))
        {
            Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(new { email, password }), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.ExpectContinue = email.Length > 64 * 1024;
        return await Http.SendAsync(request, cancel);
    }

    /// <summary>Rows in one of the sandbox's tables, read straight from its database file.</summary>
    public int CountRows(string table)
    {
        using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(Dir, "sandbox", "sandbox.db")};Mode=ReadOnly;Pooling=False");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The sandbox's peak resident memory so far (VmHWM), in MB.</summary>
    public long PeakResidentMegabytes()
    {
        var line = File.ReadLines($"/proc/{ProcessId}/status").Single(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }

    /// <summary>Waits until the sandbox's log, from <paramref name="from"/> on, holds a line with <paramref name="text"/>; false when it did not within the timeout.</summary>
    public async Task<bool> LogShowsAsync(string text, int from, TimeSpan timeout)
    {
        // The log is a file: look at it again every 50 ms, and answer as soon as the line is there.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (!Log()[from..].Contains(text, StringComparison.Ordinal))
        {
            if (clock.Elapsed > timeout || !await poll.WaitForNextTickAsync())
            {
                return false;
            }
        }

        return true;
    }

    public async Task<DateOnly> TodayAsync() => DateOnly.FromDateTime((await TestData.NowAsync()).UtcDateTime);

    /// <summary>A user whose verification failed once (so she may retry), logged in to the app API.</summary>
    public async Task<(TestUser User, string Token)> RejectedUserAsync(string region = "CN")
    {
        var user = await TestData.CreateUserAsync(new NewUser("en", region, new VerificationSeed("rejected", ["PHOTO_BLURRY"])));
        return (user, await App.LogInAsync(user));
    }

    /// <summary>Submits through the public API, runs the review, and returns the case.</summary>
    public async Task<VerificationRecord> SubmitAndReviewAsync(TestIdentity identity, FormDetails? details = null, PhotoVariant front = PhotoVariant.Clear, bool withBack = true, string region = "CN")
    {
        var (user, token) = await RejectedUserAsync(region);
        var answer = await App.SubmitAsync(token, (details ?? identity.Details) with { Region = region }, identity.Front(front), withBack ? identity.Back() : null);
        answer.Status.Should().Be(System.Net.HttpStatusCode.Accepted, answer.ToString());
        await TestData.RunReviewsAsync(user.UserId);
        return await TestData.GetVerificationAsync(user.UserId);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _process.DisposeAsync();
        Directory.Delete(Dir, recursive: true);
    }

    private async Task StartProcessAsync()
    {
        (_process, var baseUrl, var key) = await SandboxProcess.StartAsync(new SuiteSettings(), Dir, testApiKey: _key);
        _key = key;
        Http = new HttpClient { BaseAddress = baseUrl };
        TestData = new TestDataClient(Http, key);
        App = new AppApiClient(Http);
    }

    private string? _key;
}
