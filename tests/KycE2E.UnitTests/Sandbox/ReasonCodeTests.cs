using KycE2E.Sandbox.Domain;
using KycE2E.Sandbox.Hosting;

namespace KycE2E.UnitTests.Sandbox;

public sealed class ReasonCodeTests
{
    [Test]
    public void Reasons_are_reported_in_the_designs_fixed_order()
    {
        ReasonCode.InReportOrder(["DOB_MISMATCH", "PHOTO_BLURRY", "UNDERAGE", "PHOTO_GLARE"])
            .Should().Equal("PHOTO_BLURRY", "PHOTO_GLARE", "DOB_MISMATCH", "UNDERAGE");
    }

    [Test]
    public void One_final_reason_makes_the_rejection_final()
    {
        ReasonCode.DefaultTypeFor(["PHOTO_BLURRY"]).Should().Be(RejectType.Retry);
        ReasonCode.DefaultTypeFor(["PHOTO_BLURRY", "REGION_NOT_SUPPORTED"]).Should().Be(RejectType.Final);
    }

    [Test]
    public void ATTEMPTS_EXCEEDED_is_a_lock_and_leaves_the_type_to_the_other_reasons()
    {
        ReasonCode.IsKnown("ATTEMPTS_EXCEEDED").Should().BeTrue();
        ReasonCode.DefaultTypeFor(["ATTEMPTS_EXCEEDED"]).Should().Be(RejectType.Retry);
        ReasonCode.DefaultTypeFor(["PHOTO_BLURRY", "ATTEMPTS_EXCEEDED"]).Should().Be(RejectType.Retry);
        ReasonCode.DefaultTypeFor(["UNDERAGE", "ATTEMPTS_EXCEEDED"]).Should().Be(RejectType.Final);
        ReasonCode.InReportOrder(["ATTEMPTS_EXCEEDED", "PHOTO_BLURRY"]).Should().Equal("PHOTO_BLURRY", "ATTEMPTS_EXCEEDED");
    }

    [Test]
    public void Retry_is_offered_only_for_an_unlocked_RETRY_rejection()
    {
        var now = DateTimeOffset.Parse("2026-11-26T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var rejected = new VerificationCase("u", VerificationStatus.Rejected, ["PHOTO_BLURRY"], RejectType.Retry, null, 1, null);

        rejected.CanRetry(now).Should().BeTrue();
        (rejected with { RejectType = RejectType.Final }).CanRetry(now).Should().BeFalse();
        (rejected with { LockedUntil = now.AddHours(1) }).CanRetry(now).Should().BeFalse();
        (rejected with { LockedUntil = now.AddHours(-1) }).CanRetry(now).Should().BeTrue();
        // With no attempts left retry is still offered: the sixth submission is what locks (the design's ">5 in 24 h").
        (rejected with { AttemptsUsed = VerificationCase.AttemptLimit }).CanRetry(now).Should().BeTrue();
        (rejected with { Status = VerificationStatus.Pending }).CanRetry(now).Should().BeFalse();
    }

    [TestCase("http://127.0.0.1:5080", true)]
    [TestCase("http://localhost:5080", true)]
    [TestCase("http://[::1]:5080", true)]
    [TestCase("http://0.0.0.0:5080", false)]
    [TestCase("http://+:5080", false)]
    [TestCase("http://10.1.2.3:5080", false)]
    public void Loopback_addresses_are_told_apart(string url, bool loopback) =>
        LoopbackGuard.IsLoopback(url).Should().Be(loopback);

    [Test]
    public void A_short_key_off_loopback_refuses_to_start()
    {
        var exposed = () => LoopbackGuard.Check(["http://0.0.0.0:5080"], "short-key");
        var local = () => LoopbackGuard.Check(["http://127.0.0.1:5080"], "short-key");
        var longKey = () => LoopbackGuard.Check(["http://0.0.0.0:5080"], new string('k', LoopbackGuard.MinimumExposedKeyLength));

        exposed.Should().Throw<InvalidOperationException>().WithMessage("*Refusing to start*");
        local.Should().NotThrow();
        longKey.Should().NotThrow();
    }
}
