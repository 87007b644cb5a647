using KycE2E.Documents;

namespace KycE2E.UnitTests.Documents;

/// <summary>Each variant is judged as intended by every check, and every measured value keeps 15% clear of its threshold.</summary>
public sealed class PhotoVariantTests
{
    private const double Margin = 0.15;

    public enum Check
    {
        Sharpness,
        Glare,
        CornerMarkers,
        Size,
        Colour,
        Code,
    }

    public static IEnumerable<TestCaseData> Photos() =>
        from type in Enum.GetValues<DocumentType>()
        from variant in PhotoStudio.Variants
        select new TestCaseData(type, variant).SetName($"{type} {variant} gets the intended findings");

    public static IEnumerable<TestCaseData> Checks() =>
        from type in Enum.GetValues<DocumentType>()
        from variant in PhotoStudio.Variants
        from check in Enum.GetValues<Check>()
        select new TestCaseData(type, variant, check).SetName($"{type} {variant}: {check} decides with margin");

    [TestCaseSource(nameof(Photos))]
    public void Every_variant_gets_the_intended_findings(DocumentType type, PhotoVariant variant) =>
        DocumentPhotoSet.Of(type, variant).Analysis.Findings.Should().Equal(PhotoStudio.IntendedFindings(variant));

    [TestCaseSource(nameof(Checks))]
    public void Every_check_decides_with_margin(DocumentType type, PhotoVariant variant, Check check)
    {
        var analysis = DocumentPhotoSet.Of(type, variant).Analysis;
        switch (check)
        {
            case Check.Sharpness:
                ShouldKeepClear(analysis.Sharpness, QualityThresholds.MinimumSharpness, under: variant == PhotoVariant.Blurry, "sharpness");
                break;
            case Check.Glare:
                ShouldKeepClear(analysis.GlareShare, QualityThresholds.MaximumGlareShare, under: variant != PhotoVariant.Glare, "glare share");
                break;
            case Check.CornerMarkers:
                // A count has no margin to keep: it must be exactly what was drawn and left visible.
                analysis.CornerMarkers.Should().Be(variant is PhotoVariant.Obscured or PhotoVariant.Cropped ? 3 : 4);
                break;
            case Check.Size when variant == PhotoVariant.LowResolution:
                (analysis.Width <= (1 - Margin) * QualityThresholds.MinimumWidth || analysis.Height <= (1 - Margin) * QualityThresholds.MinimumHeight)
                    .Should().BeTrue($"{analysis.Width}×{analysis.Height} should be 15% under {QualityThresholds.MinimumWidth}×{QualityThresholds.MinimumHeight} on one side");
                break;
            case Check.Size:
                ShouldKeepClear(analysis.Width, QualityThresholds.MinimumWidth, under: false, "width");
                ShouldKeepClear(analysis.Height, QualityThresholds.MinimumHeight, under: false, "height");
                break;
            case Check.Colour:
                ShouldKeepClear(analysis.Colourfulness, QualityThresholds.MinimumColourfulness, under: variant == PhotoVariant.Greyscale, "colourfulness");
                break;
            case Check.Code when variant == PhotoVariant.Blurry:
                analysis.Code.Should().BeNull();
                break;
            case Check.Code:
                analysis.Code.Should().Be(DocumentCode.Of(DocumentPhotoSet.Document(type)));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(check), check, null);
        }
    }

    [Test]
    public void A_clear_photo_has_no_finding_at_all()
    {
        foreach (var type in Enum.GetValues<DocumentType>())
        {
            DocumentPhotoSet.Of(type, PhotoVariant.Clear).Analysis.Findings.Should().BeEmpty();
        }
    }

    private static void ShouldKeepClear(double value, double threshold, bool under, string what)
    {
        var distance = (value - threshold) / threshold;
        if (under)
        {
            distance.Should().BeLessThanOrEqualTo(-Margin, $"{what} {value:G4} should be at least 15% under {threshold}");
        }
        else
        {
            distance.Should().BeGreaterThanOrEqualTo(Margin, $"{what} {value:G4} should be at least 15% over {threshold}");
        }
    }
}
