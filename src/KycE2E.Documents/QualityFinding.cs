namespace KycE2E.Documents;

/// <summary>A problem found in a document photo, in the order a review reports them.</summary>
public enum QualityFinding
{
    /// <summary>Too soft: PHOTO_BLURRY.</summary>
    Blurry,

    /// <summary>A reflection washes out part of the document: PHOTO_GLARE.</summary>
    Glare,

    /// <summary>Part of the document hidden or cut off (a corner marker not found): PHOTO_OBSCURED.</summary>
    Obscured,

    /// <summary>Too small, or a greyscale copy instead of the original: PHOTO_LOW_QUALITY.</summary>
    LowQuality,

    /// <summary>The document's QR code cannot be decoded: DOCUMENT_UNREADABLE.</summary>
    Unreadable,
}
