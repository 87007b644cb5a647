using System.Net;
using KycE2E.Sandbox.Auth;
using Microsoft.Extensions.Options;
using KycE2E.Sandbox.Options;

namespace KycE2E.UnitTests.Sandbox;

/// <summary>The login limiter's memory is bounded: a fixed-size key per e-mail address and a bounded number of keys, however many addresses fail.</summary>
public sealed class HardeningLoginThrottleTests
{
    [Test]
    public void Failures_of_ever_new_addresses_never_track_more_keys_than_the_store_holds()
    {
        var throttle = new LoginThrottle(Options.Create(new SandboxOptions { LoginFailureLimitPerAddress = 1_000_000 }));
        const int Addresses = 30_000;

        for (var i = 0; i < Addresses; i++)
        {
            throttle.Failed($"{i}-{new string('x', 230)}@example.test", IPAddress.Loopback);
        }

        throttle.TrackedKeys.Should().BeLessThanOrEqualTo(10_000, $"{Addresses} distinct failed e-mail addresses must not each be kept");
        throttle.RetryAfter($"{Addresses - 1}-{new string('x', 230)}@example.test", IPAddress.Loopback).Should().BeNull("one failure is far from the limit");
    }

    [Test]
    public void Very_long_failed_addresses_are_not_kept_in_memory()
    {
        var throttle = new LoginThrottle(Options.Create(new SandboxOptions()));
        var before = GC.GetTotalMemory(forceFullCollection: true);

        FailWithLongAddresses(throttle);

        var kept = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(throttle);
        kept.Should().BeLessThan(1 << 20, "30 addresses of 2 million characters must not stay in memory (they are 120 MB as strings)");
    }

    /// <summary>Apart, so that no local of the caller keeps the last address alive when memory is measured.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void FailWithLongAddresses(LoginThrottle throttle)
    {
        for (var i = 0; i < 30; i++)
        {
            throttle.Failed(new string((char)('a' + i), 2_000_000) + "@example.test", IPAddress.Loopback);
        }
    }

    [Test]
    public void An_address_limited_after_its_failures_stays_limited_while_the_store_forgets_others()
    {
        var throttle = new LoginThrottle(Options.Create(new SandboxOptions { LoginFailureLimitPerAddress = 1_000_000, LoginTrackedKeysLimit = 1_000 }));
        for (var i = 0; i < 10; i++)
        {
            throttle.Failed("victim@example.test", IPAddress.Loopback);
        }

        throttle.RetryAfter(" Victim@Example.test ", IPAddress.Loopback).Should().NotBeNull("ten failures reach the limit, whatever the case and spaces");
        for (var i = 0; i < 5_000; i++)
        {
            throttle.Failed($"other-{i}@example.test", IPAddress.Loopback);
        }

        throttle.TrackedKeys.Should().BeLessThanOrEqualTo(1_000);
        throttle.RetryAfter("victim@example.test", IPAddress.Loopback).Should().NotBeNull("5000 other addresses, each under its limit, do not crowd out a current limit");
    }
}
