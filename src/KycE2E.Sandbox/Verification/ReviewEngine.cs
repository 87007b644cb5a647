using Microsoft.Extensions.Options;
using KycE2E.Documents;
using KycE2E.Sandbox.Data;
using KycE2E.Sandbox.Domain;
using KycE2E.Sandbox.Hosting;

namespace KycE2E.Sandbox.Verification;

/// <summary>
/// What a reviewer decides about one attempt, computed from what was submitted: the photos' pixels, the details read
/// off the document's code, the form's details, and the rules of the user's region. Every reason found is reported.
/// </summary>
public sealed class ReviewEngine(ImageStore images, VerificationStore cases, IOptions<ReviewOptions> options, UserClock clock, SandboxDefects defects)
{
    public ReviewDecision Decide(Attempt attempt)
    {
        if (cases.ForcedFor(attempt.UserId) is { } forced)
        {
            var forcedReasons = ReasonCode.InReportOrder(forced.Reasons);
            return forced.Answer == VerificationStatus.Approved
                ? new ReviewDecision(VerificationStatus.Approved, [], null, forced.ModerationComment)
                : new ReviewDecision(VerificationStatus.Rejected, forcedReasons, forced.RejectType ?? ReasonCode.DefaultTypeFor(forcedReasons), forced.ModerationComment);
        }

        if (attempt.Details is not { } details)
        {
            // Seeded history has no details or photos to look at; it passes unless a result was forced.
            return new ReviewDecision(VerificationStatus.Approved, [], null, null);
        }

        var rules = options.Value;
        var today = DateOnly.FromDateTime(clock.Now(attempt.UserId).UtcDateTime);
        var reasons = new List<string>();

        var front = Analyze(attempt.FrontImage);
        var back = Analyze(attempt.BackImage);
        foreach (var finding in new[] { front, back }.OfType<PhotoAnalysis>().SelectMany(a => a.Findings))
        {
            if ((finding == QualityFinding.Blurry && defects.Has("blurry-photo-accepted")) || (finding == QualityFinding.Glare && defects.Has("glare-not-detected")))
            {
                continue;
            }

            reasons.Add(finding switch
            {
                QualityFinding.Blurry => ReasonCode.PhotoBlurry,
                QualityFinding.Glare => ReasonCode.PhotoGlare,
                QualityFinding.Obscured => ReasonCode.PhotoObscured,
                QualityFinding.LowQuality => ReasonCode.PhotoLowQuality,
                _ => ReasonCode.DocumentUnreadable,
            });
        }

        if (front is null)
        {
            reasons.Add(ReasonCode.DocumentUnreadable);
        }

        if (details.DocumentType == DocumentKind.IdCard && attempt.BackImage is null)
        {
            reasons.Add(ReasonCode.BackSideMissing);
        }

        var code = front?.Code ?? back?.Code;
        if (code is not null)
        {
            if (!defects.Has("name-mismatch-not-detected") && !NameMatches(details.FullName, code.Holder))
            {
                reasons.Add(ReasonCode.NameMismatch);
            }

            if (!string.Equals(details.DocumentNumber, code.Holder.DocumentNumber, StringComparison.OrdinalIgnoreCase))
            {
                reasons.Add(ReasonCode.IdNumberMismatch);
            }

            if (details.DateOfBirth != code.Holder.DateOfBirth)
            {
                reasons.Add(ReasonCode.DobMismatch);
            }

            if (code.ExpiryDate < today && !(defects.Has("expired-id-card-accepted") && details.DocumentType == DocumentKind.IdCard))
            {
                reasons.Add(ReasonCode.DocumentExpired);
            }
        }

        if (!rules.AcceptedFor(details.Region).Contains(details.DocumentType, StringComparer.OrdinalIgnoreCase))
        {
            reasons.Add(ReasonCode.DocumentNotAccepted);
        }

        var born = code?.Holder.DateOfBirth ?? details.DateOfBirth;
        if (AgeOn(born, defects.Has("underage-age-on-expiry-date") && code is not null ? code.ExpiryDate : today) < rules.MinimumAge)
        {
            reasons.Add(ReasonCode.Underage);
        }

        if (defects.Has("blocked-region-ignored") ? rules.BlockedRegions.Contains(details.Region.ToLowerInvariant()) : rules.BlockedRegions.Contains(details.Region, StringComparer.OrdinalIgnoreCase))
        {
            reasons.Add(ReasonCode.RegionNotSupported);
        }

        if (cases.IsApprovedElsewhere(attempt.UserId, code?.Holder.DocumentNumber ?? details.DocumentNumber))
        {
            reasons.Add(ReasonCode.DuplicateIdentity);
        }

        var ordered = ReasonCode.InReportOrder(reasons);
        return ordered.Count == 0
            ? new ReviewDecision(VerificationStatus.Approved, [], null, null)
            : new ReviewDecision(VerificationStatus.Rejected, ordered, ReasonCode.DefaultTypeFor(ordered), null);
    }

    /// <summary>Chinese names compare as written; Latin ones ignore case and accept either name order.</summary>
    public static bool NameMatches(string typed, Holder holder)
    {
        var name = FormValidation.Normalize(typed);
        if (holder.ChineseName is { } chinese && string.Equals(name.Replace(" ", "", StringComparison.Ordinal), FormValidation.Normalize(chinese).Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal))
        {
            return true;
        }

        if (holder.LatinName is not { } latin)
        {
            return false;
        }

        var surname = FormValidation.Normalize(latin.Surname);
        var given = FormValidation.Normalize(latin.GivenNames);
        return string.Equals(name, $"{surname} {given}", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, $"{given} {surname}", StringComparison.OrdinalIgnoreCase);
    }

    public static int AgeOn(DateOnly born, DateOnly day)
    {
        var age = day.Year - born.Year;
        return born.AddYears(age) > day ? age - 1 : age;
    }

    /// <summary>The pixels a review of the attempt holds (both photos, from their headers): large reviews run in a lane of their own.</summary>
    public long ReviewedPixels(Attempt attempt) =>
        new[] { attempt.FrontImage, attempt.BackImage }.Sum(name => images.Dimensions(name) is { } size ? FormValidation.ReviewedPixels(size.Width, size.Height) : 0);

    private PhotoAnalysis? Analyze(string? imageName)
    {
        // A photo over the budget (stored before the budget counted the scaled copy) is never decoded: the document is unreadable.
        if (images.Dimensions(imageName) is { } size && FormValidation.ReviewedPixels(size.Width, size.Height) > FormValidation.MaxPixels)
        {
            return null;
        }

        if (images.Read(imageName) is not { } bytes)
        {
            return null;
        }

        try
        {
            return DocumentAnalyzer.Analyze(bytes);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}

public sealed record ReviewDecision(string Status, IReadOnlyList<string> Reasons, string? RejectType, string? ModerationComment);
