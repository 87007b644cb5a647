using System.Collections.Concurrent;

namespace KycE2E.Automation.Sessions;

/// <summary>
/// The one rule for engines shared across scenarios: rent an idle one that still answers (or a new one), take back a
/// healthy one for the next scenario, and discard a broken one. Engines are reused per worker, never across a failure.
/// </summary>
public abstract class SessionPool<TEngine> : IAsyncDisposable where TEngine : class
{
    private readonly ConcurrentBag<TEngine> _idle = [];
    private readonly ConcurrentDictionary<TEngine, byte> _all = new();

    /// <summary>An engine for the next scenario: an idle one that still answers, or a new one.</summary>
    public async Task<TEngine> RentAsync()
    {
        await EnsureReachableAsync();
        while (_idle.TryTake(out var engine))
        {
            if (await AnswersAsync(engine))
            {
                return engine;
            }

            await DiscardAsync(engine); // it died while it waited: a new one replaces it
        }

        return await StartTrackedAsync();
    }

    /// <summary>Starts an engine before the first scenario needs it (Run:Warmup); a new engine is clean already.</summary>
    public async Task PrepareAsync()
    {
        await EnsureReachableAsync();
        _idle.Add(await StartTrackedAsync());
    }

    /// <summary>A healthy engine waits for the next scenario; any other is closed and forgotten.</summary>
    public async Task ReturnAsync(TEngine engine, bool healthy)
    {
        if (healthy)
        {
            _idle.Add(engine);
            return;
        }

        await DiscardAsync(engine);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var engine in _all.Keys)
        {
            await DiscardAsync(engine);
        }

        await DisposeEngineAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Fails at once, with where the engine was expected, when the engine's server is gone.</summary>
    protected virtual Task EnsureReachableAsync() => Task.CompletedTask;

    protected abstract Task<TEngine> StartAsync();

    /// <summary>Whether an idle engine still works, checked before it is handed out again.</summary>
    protected abstract Task<bool> AnswersAsync(TEngine engine);

    protected abstract Task CloseAsync(TEngine engine);

    /// <summary>Releases what the pool holds beside its engines (the Playwright driver, an HTTP client).</summary>
    protected virtual ValueTask DisposeEngineAsync() => ValueTask.CompletedTask;

    private async Task<TEngine> StartTrackedAsync()
    {
        var started = await StartAsync();
        _all.TryAdd(started, 0);
        return started;
    }

    private async Task DiscardAsync(TEngine engine)
    {
        _all.TryRemove(engine, out _);
        await CloseAsync(engine);
    }
}
