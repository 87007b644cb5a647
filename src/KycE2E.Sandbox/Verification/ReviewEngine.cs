using KycE2E.Documents;
using KycE2E.Sandbox.Clock;
using KycE2E.Sandbox.Data;
using KycE2E.Sandbox.Defects;
using KycE2E.Sandbox.Domain;
using KycE2E.Sandbox.Options;
using Microsoft.Extensions.Options;

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
            if ((finding == QualityFinding.Blurry && defects.Has("blurry-photo-accepted")) || (finding == QualityFinding.Glare && defects.Has("glare-not-detected"))
                || (finding == QualityFinding.LowQuality && defects.Has("black-and-white-copy-accepted")))
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
            if (!defects.Has("name-mismatch-not-detected") && !NameMatches(details.FullName, code.Holder, defects))
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

            var expired = defects.Has("document-expiring-today-refused") ? code.ExpiryDate <= today : code.ExpiryDate < today;
            if (expired && !(defects.Has("expired-id-card-accepted") && details.DocumentType == DocumentKind.IdCard))
            {
                reasons.Add(ReasonCode.DocumentExpired);
            }
        }

        if (!rules.AcceptedFor(details.Region).Contains(details.DocumentType, StringComparer.OrdinalIgnoreCase))
        {
            reasons.Add(ReasonCode.DocumentNotAccepted);
        }

        var born = code?.Holder.DateOfBirth ?? details.DateOfBirth;
        if (AgeOn(born, defects.Has("underage-age-on-expiry-date") && code is not null ? code.ExpiryDate : today, defects) < rules.MinimumAge)
        {
            reasons.Add(ReasonCode.Underage);
        }

        if (defects.Has("blocked-region-ignored") ? rules.BlockedRegions.Contains(details.Region.ToLowerInvariant()) : rules.BlockedRegions.Contains(details.Region, StringComparer.OrdinalIgnoreCase))
        {
            reasons.Add(ReasonCode.RegionNotSupported);
        }

        if (cases.IsApprovedElsewhere(attempt.UserId, code?.Holder.DocumentNumber ?? details.DocumentNumber, ownAccountOnly: defects.Has("duplicate-identity-checked-on-own-account")))
        {
            reasons.Add(ReasonCode.DuplicateIdentity);
        }

        var ordered = ReasonCode.InReportOrder(reasons);
        return ordered.Count == 0
            ? new ReviewDecision(VerificationStatus.Approved, [], null, null)
            : new ReviewDecision(VerificationStatus.Rejected, ordered, ReasonCode.DefaultTypeFor(ordered), null);
    }

    /// <summary>Chinese names compare as written; Latin ones ignore case and accept either name order.</summary>
    public static bool NameMatches(string typed, Holder holder, SandboxDefects? defects = null)
    {
        defects ??= SandboxDefects.None;
        var name = FormValidation.Normalize(typed);
        if (holder.ChineseName is { } chinese)
        {
            var written = name.Replace(" ", "", StringComparison.Ordinal);
            var printed = FormValidation.Normalize(chinese).Replace(" ", "", StringComparison.Ordinal);
            // Deliberate defect: an "OCR tolerance" that lets one wrong character through.
            if (string.Equals(written, printed, StringComparison.Ordinal) || (defects.Has("name-match-tolerates-one-wrong-character") && OneCharacterApart(written, printed)))
            {
                return true;
            }
        }

        if (holder.LatinName is not { } latin)
        {
            return false;
        }

        var surname = FormValidation.Normalize(latin.Surname);
        var given = FormValidation.Normalize(latin.GivenNames);
        return string.Equals(name, $"{surname} {given}", StringComparison.OrdinalIgnoreCase)
            || (!defects.Has("latin-name-order-enforced") && string.Equals(name, $"{given} {surname}", StringComparison.OrdinalIgnoreCase));
    }

    public static int AgeOn(DateOnly born, DateOnly day, SandboxDefects? defects = null)
    {
        defects ??= SandboxDefects.None;
        var age = day.Year - born.Year;
        if (defects.Has("age-by-birth-year-only"))
        {
            return age;
        }

        var birthday = born.AddYears(age);
        return (defects.Has("eighteenth-birthday-not-counted") ? birthday >= day : birthday > day) ? age - 1 : age;
    }

    /// <summary>Same length and one character different (a substitution), or one character more or less.</summary>
    private static bool OneCharacterApart(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var i = 0;
        while (i < Math.Min(a.Length, b.Length) && a[i] == b[i])
        {
            i++;
        }

        return a.Length == b.Length ? a[(i + 1)..] == b[(i + 1)..] : a.Length > b.Length ? a[(i + 1)..] == b[i..] : a[i..] == b[(i + 1)..];
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
