using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using KycE2E.Sandbox.Options;
using Microsoft.Extensions.Options;

namespace KycE2E.Sandbox.Auth;

/// <summary>
/// Counts failed logins per e-mail address and per network address over a sliding window, in real time.
/// Only failures count, so any number of users logging in correctly from one address is never limited;
/// while a limit is reached, logins for it are refused before the password is checked.
/// Memory is bounded: a key is a hash of the normalised address (a few dozen bytes, however long the input), each key
/// keeps at most its limit's number of times, and at most <see cref="SandboxOptions.LoginTrackedKeysLimit"/> keys are kept.
/// </summary>
public sealed class LoginThrottle(IOptions<SandboxOptions> options, ILogger<LoginThrottle>? log = null)
{
    /// <summary>The longest e-mail address there can be (RFC 5321's path limit less its brackets); a longer one is refused before it is counted.</summary>
    public const int MaxEmailLength = 254;

    /// <summary>Body size limit of a login request: an address, a password and a form's token fit many times over.</summary>
    public const int MaxRequestBytes = 16 * 1024;

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);
    private readonly TimeSpan _window = TimeSpan.FromMinutes(options.Value.LoginFailureWindowMinutes);
    private readonly int _perEmail = options.Value.LoginFailureLimit;
    private readonly int _perAddress = options.Value.LoginFailureLimitPerAddress;
    private readonly int _maxKeys = Math.Max(1, options.Value.LoginTrackedKeysLimit);
    private readonly Lock _forgetting = new();

    public int TrackedKeys => _failures.Count;

    /// <summary>The e-mail address as it is compared: trimmed, in lower case.</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    /// <summary>Whether the address is longer than any e-mail address can be (such a login is refused, not counted).</summary>
    public static bool IsTooLong(string email) => email.AsSpan().Trim().Length > MaxEmailLength;

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
        if (_failures.Count >= _maxKeys)
        {
            Forget(now);
        }

        Record(EmailKey(email), _perEmail, now);
        if (address is not null)
        {
            Record(AddressKey(address), _perAddress, now);
        }
    }

    /// <summary>A correct password clears the e-mail's failures (not the address's: one address serves many users).</summary>
    public void Succeeded(string email) => _failures.TryRemove(EmailKey(email), out _);

    private static string EmailKey(string email) =>
        "email:" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(IsTooLong(email) ? email : Normalize(email))));

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

    private void Record(string key, int limit, DateTimeOffset now)
    {
        var times = _failures.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
        lock (times)
        {
            Trim(times, now);
            times.Enqueue(now);
            while (times.Count > limit)
            {
                times.Dequeue(); // only the last `limit` failures decide the wait
            }
        }
    }

    private void Trim(Queue<DateTimeOffset> times, DateTimeOffset now)
    {
        while (times.Count > 0 && times.Peek() <= now - _window)
        {
            times.Dequeue();
        }
    }

    /// <summary>
    /// Drops keys with no failure left in the window; when that is not enough, down to 90% of the store, the keys under
    /// their limit whose last failure is oldest first (forgetting a key at its limit would lift a limit), then the others.
    /// </summary>
    private void Forget(DateTimeOffset now)
    {
        lock (_forgetting)
        {
            if (_failures.Count < _maxKeys)
            {
                return;
            }

            var kept = new List<(string Key, bool AtLimit, DateTimeOffset Last)>();
            foreach (var (key, times) in _failures)
            {
                lock (times)
                {
                    Trim(times, now);
                    if (times.Count == 0)
                    {
                        _failures.TryRemove(key, out _);
                    }
                    else
                    {
                        kept.Add((key, times.Count >= (key.StartsWith("ip:", StringComparison.Ordinal) ? _perAddress : _perEmail), times.Last()));
                    }
                }
            }

            var excess = _failures.Count - (_maxKeys * 9 / 10);
            if (excess <= 0)
            {
                return;
            }

            foreach (var (key, _, _) in kept.OrderBy(k => k.AtLimit).ThenBy(k => k.Last).Take(excess))
            {
                _failures.TryRemove(key, out _);
            }

            log?.LogWarning("Login limiter full ({Limit} keys): forgot the failed-login counts of {Count} addresses, oldest first and those under their limit before any at it", _maxKeys, excess);
        }
    }
}
