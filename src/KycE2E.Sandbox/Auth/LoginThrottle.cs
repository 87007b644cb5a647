using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;
using KycE2E.Sandbox.Hosting;

namespace KycE2E.Sandbox.Auth;

/// <summary>
/// Counts failed logins per e-mail address and per network address over a sliding window, in real time.
/// Only failures count, so any number of users logging in correctly from one address is never limited;
/// while a limit is reached, logins for it are refused before the password is checked.
/// </summary>
public sealed class LoginThrottle(IOptions<SandboxOptions> options)
{
    private const int MaxTrackedKeys = 100_000;

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);
    private readonly TimeSpan _window = TimeSpan.FromMinutes(options.Value.LoginFailureWindowMinutes);
    private readonly int _perEmail = options.Value.LoginFailureLimit;
    private readonly int _perAddress = options.Value.LoginFailureLimitPerAddress;

    /// <summary>How long until a login for this e-mail from this address is allowed again, or null when it is allowed now.</summary>
    public TimeSpan? RetryAfter(string email, IPAddress? address)
    {
        var now = TimeProvider.System.GetUtcNow();
        var wait = Wait(EmailKey(email), _perEmail, now);
        var addressWait = address is null ? null : Wait(AddressKey(address), _perAddress, now);
        return (wait, addressWait) switch
        {
            (null, null) => null,
            ({ } a, { } b) => a > b ? a : b,
            _ => wait ?? addressWait,
        };
    }

    public void Failed(string email, IPAddress? address)
    {
        var now = TimeProvider.System.GetUtcNow();
        if (_failures.Count > MaxTrackedKeys)
        {
            Forget(now);
        }

        Record(EmailKey(email), now);
        if (address is not null)
        {
            Record(AddressKey(address), now);
        }
    }

    /// <summary>A correct password clears the e-mail's failures (not the address's: one address serves many users).</summary>
    public void Succeeded(string email) => _failures.TryRemove(EmailKey(email), out _);

    private static string EmailKey(string email) => "email:" + email.Trim().ToLowerInvariant();

    private static string AddressKey(IPAddress address) => "ip:" + address;

    private TimeSpan? Wait(string key, int limit, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var times))
        {
            return null;
        }

        lock (times)
        {
            Trim(times, now);
            // Allowed again once enough of the failures have left the window to be under the limit.
            return times.Count < limit ? null : times.ElementAt(times.Count - limit) + _window - now;
        }
    }

    private void Record(string key, DateTimeOffset now)
    {
        var times = _failures.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
        lock (times)
        {
            Trim(times, now);
            times.Enqueue(now);
        }
    }

    private void Trim(Queue<DateTimeOffset> times, DateTimeOffset now)
    {
        while (times.Count > 0 && times.Peek() <= now - _window)
        {
            times.Dequeue();
        }
    }

    /// <summary>Drops keys with no failure left in the window, so random e-mail addresses cannot grow memory without bound.</summary>
    private void Forget(DateTimeOffset now)
    {
        foreach (var (key, times) in _failures)
        {
            lock (times)
            {
                Trim(times, now);
                if (times.Count == 0)
                {
                    _failures.TryRemove(key, out _);
                }
            }
        }
    }
}
