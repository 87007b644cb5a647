namespace KycE2E.Documents;

/// <summary>
/// Every number the photo checks decide by, in one place. Measured values of each variant, and the margin
/// each keeps from these, are in docs/documents.md.
/// </summary>
public static class QualityThresholds
{
    /// <summary>Smallest accepted photo width in pixels (the form refuses smaller files too).</summary>
    public const int MinimumWidth = 600;

    /// <summary>Smallest accepted photo height in pixels.</summary>
    public const int MinimumHeight = 380;

    /// <summary>Width every photo is scaled to before it is measured, so values do not depend on the camera.</summary>
    public const int NormalisedWidth = 1000;

    /// <summary>Below this variance of the Laplacian (grey, normalised width, document area) a photo is blurry.</summary>
    public const double MinimumSharpness = 100;

    /// <summary>A grey level at or above this is near-white: blown-out by glare.</summary>
    public const int NearWhite = 250;

    /// <summary>Above this share of near-white pixels in the document area a photo has glare.</summary>
    public const double MaximumGlareShare = 0.02;

    /// <summary>Corner markers that must be found; fewer means part of the document is hidden or cut off.</summary>
    public const int RequiredCornerMarkers = 4;

    /// <summary>Below this mean chroma (max − min of R, G, B, 0–255) in the document area a photo is a greyscale copy.</summary>
    public const double MinimumColourfulness = 6;

    /// <summary>Grey level from which a pixel counts as the document's paper rather than the desk behind it.</summary>
    public const int PaperLevel = 160;

    /// <summary>Grey level under which a pixel counts as ink, e.g. part of a corner marker.</summary>
    public const int InkLevel = 100;

    /// <summary>Share of the document's bounding box trimmed from each side before measuring, so a tilted document's corners leave out the desk.</summary>
    public const double DocumentInset = 0.1;

    /// <summary>Share of an 8×8 sampling grid that must match the marker pattern for a dark square to count as a corner marker.</summary>
    public const double MarkerPatternMatch = 0.8;
}
