namespace KycE2E.Documents;

/// <summary>What was measured in a document photo; <see cref="Findings"/> judges it against <see cref="QualityThresholds"/>.</summary>
/// <param name="Sharpness">Variance of the Laplacian of the grey document area at <see cref="QualityThresholds.NormalisedWidth"/>.</param>
/// <param name="GlareShare">Share (0–1) of near-white pixels in the document area.</param>
/// <param name="CornerMarkers">Corner markers found, 0–4.</param>
/// <param name="Colourfulness">Mean chroma in the document area: about 0 for a greyscale copy.</param>
/// <param name="Code">The QR code's content, or null when it could not be read.</param>
public sealed record PhotoAnalysis(
    int Width,
    int Height,
    double Sharpness,
    double GlareShare,
    int CornerMarkers,
    double Colourfulness,
    DocumentCode? Code)
{
    public bool IsBlurry => Sharpness < QualityThresholds.MinimumSharpness;

    public bool HasGlare => GlareShare > QualityThresholds.MaximumGlareShare;

    public bool IsObscured => CornerMarkers < QualityThresholds.RequiredCornerMarkers;

    public bool IsTooSmall => Width < QualityThresholds.MinimumWidth || Height < QualityThresholds.MinimumHeight;

    public bool IsGreyscale => Colourfulness < QualityThresholds.MinimumColourfulness;

    public bool IsUnreadable => Code is null;

    /// <summary>The problems found, in the order a review reports them; empty for a good photo.</summary>
    public IReadOnlyList<QualityFinding> Findings
    {
        get
        {
            var findings = new List<QualityFinding>();
            if (IsBlurry)
            {
                findings.Add(QualityFinding.Blurry);
            }

            if (HasGlare)
            {
                findings.Add(QualityFinding.Glare);
            }

            if (IsObscured)
            {
                findings.Add(QualityFinding.Obscured);
            }

            if (IsTooSmall || IsGreyscale)
            {
                findings.Add(QualityFinding.LowQuality);
            }

            if (IsUnreadable)
            {
                findings.Add(QualityFinding.Unreadable);
            }

            return findings;
        }
    }
}
