namespace KycE2E.Automation.Journeys;

/// <summary>A review reason as the sandbox codes it and as a feature says it.</summary>
public sealed record RejectionReason(string Code, string Phrase)
{
    public static readonly RejectionReason PhotoBlurry = new("PHOTO_BLURRY", "the photo was blurry");
    public static readonly RejectionReason PhotoGlare = new("PHOTO_GLARE", "the photo had glare");
    public static readonly RejectionReason PhotoObscured = new("PHOTO_OBSCURED", "the document was covered");
    public static readonly RejectionReason PhotoLowQuality = new("PHOTO_LOW_QUALITY", "the photo quality was too low");
    public static readonly RejectionReason DocumentUnreadable = new("DOCUMENT_UNREADABLE", "the document could not be read");
    public static readonly RejectionReason BackSideMissing = new("BACK_SIDE_MISSING", "the back of the ID card was missing");
    public static readonly RejectionReason NameMismatch = new("NAME_MISMATCH", "the name did not match");
    public static readonly RejectionReason IdNumberMismatch = new("ID_NUMBER_MISMATCH", "the ID number did not match");
    public static readonly RejectionReason DobMismatch = new("DOB_MISMATCH", "the date of birth did not match");
    public static readonly RejectionReason DocumentExpired = new("DOCUMENT_EXPIRED", "the document had expired");
    public static readonly RejectionReason DocumentNotAccepted = new("DOCUMENT_NOT_ACCEPTED", "the document type is not accepted in her region");
    public static readonly RejectionReason Underage = new("UNDERAGE", "she is under 18");
    public static readonly RejectionReason RegionNotSupported = new("REGION_NOT_SUPPORTED", "her region is not supported");
    public static readonly RejectionReason DuplicateIdentity = new("DUPLICATE_IDENTITY", "the document is verified on another account");
    public static readonly RejectionReason AttemptsExceeded = new("ATTEMPTS_EXCEEDED", "she tried too many times");

    public static readonly IReadOnlyList<RejectionReason> All =
    [
        PhotoBlurry, PhotoGlare, PhotoObscured, PhotoLowQuality, DocumentUnreadable, BackSideMissing, NameMismatch,
        IdNumberMismatch, DobMismatch, DocumentExpired, DocumentNotAccepted, Underage, RegionNotSupported,
        DuplicateIdentity, AttemptsExceeded,
    ];

    public static RejectionReason FromPhrase(string phrase) =>
        All.FirstOrDefault(r => string.Equals(r.Phrase, phrase.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? All.FirstOrDefault(r => string.Equals(r.Code, phrase.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"No rejection reason is phrased '{phrase}'. Known: {string.Join("; ", All.Select(r => r.Phrase))}.", nameof(phrase));

    public override string ToString() => Phrase;
}
