using System.Globalization;
using KycE2E.Documents;

namespace KycE2E.DocumentsCli;

/// <summary>One photo of the fixture set: what it shows, what to type into the form with it, and what a review should find.</summary>
internal sealed record Fixture(string File, IdentityDocument Document, PhotoVariant Variant, int PhotoSeed, string Case, Holder Form, IReadOnlyList<string> ExpectedFindings);

/// <summary>
/// The whole set: every document type in every photo variant for an adult, then clear photos for an underage
/// holder, an expired document, and a document whose holder differs from the form in one field.
/// </summary>
internal static class FixtureSet
{
    public static IReadOnlyList<Fixture> Build(int seed, DateOnly on)
    {
        var factory = new HolderFactory(seed);
        var fixtures = new List<Fixture>();
        var photoSeed = seed;

        void Add(IdentityDocument document, PhotoVariant variant, string @case, Holder form, IReadOnlyList<string> findings)
        {
            var file = string.Create(CultureInfo.InvariantCulture, $"{Slug(document.Type)}-{@case}{(variant == PhotoVariant.Clear ? "" : "-" + Slug(variant))}.jpg");
            var sameFile = fixtures.FirstOrDefault(f => f.File == file);
            fixtures.Add(new Fixture(file, document, variant, sameFile?.PhotoSeed ?? unchecked(photoSeed++), @case, form, findings));
        }

        IEnumerable<IdentityDocument> Sides(IdentityDocument document) =>
            document.IsChineseIdCard ? [document, document.OtherSide()] : [document];

        var types = new[] { DocumentType.ChineseIdCardFront, DocumentType.PassportDataPage };
        foreach (var type in types)
        {
            var adult = factory.ValidDocument(factory.Adult(on, type), type, on);
            foreach (var side in Sides(adult))
            {
                foreach (var variant in PhotoStudio.Variants)
                {
                    Add(side, variant, "adult", side.Holder, PhotoStudio.IntendedFindings(variant).Select(ReasonCode).ToList());
                }
            }
        }

        foreach (var type in types)
        {
            var minor = factory.ValidDocument(factory.Underage(on, type), type, on);
            var expired = factory.ExpiredDocument(factory.Adult(on, type), type, on);
            var other = factory.ValidDocument(factory.Adult(on, type), type, on);
            foreach (var side in Sides(minor))
            {
                Add(side, PhotoVariant.Clear, "underage", side.Holder, ["UNDERAGE"]);
            }

            foreach (var side in Sides(expired))
            {
                Add(side, PhotoVariant.Clear, "expired", side.Holder, ["DOCUMENT_EXPIRED"]);
            }

            foreach (var (field, reason) in new[] { (HolderField.Name, "NAME_MISMATCH"), (HolderField.DocumentNumber, "ID_NUMBER_MISMATCH"), (HolderField.DateOfBirth, "DOB_MISMATCH") })
            {
                var form = factory.DifferingIn(other.Holder, field);
                foreach (var side in Sides(other))
                {
                    Add(side, PhotoVariant.Clear, "mismatch", form, [reason]);
                }
            }
        }

        return fixtures;
    }

    /// <summary>The sandbox's reason code for a quality finding.</summary>
    public static string ReasonCode(QualityFinding finding) => finding switch
    {
        QualityFinding.Blurry => "PHOTO_BLURRY",
        QualityFinding.Glare => "PHOTO_GLARE",
        QualityFinding.Obscured => "PHOTO_OBSCURED",
        QualityFinding.LowQuality => "PHOTO_LOW_QUALITY",
        QualityFinding.Unreadable => "DOCUMENT_UNREADABLE",
        _ => throw new ArgumentOutOfRangeException(nameof(finding), finding, null),
    };

    public static string Slug(DocumentType type) => type switch
    {
        DocumentType.ChineseIdCardFront => "id-front",
        DocumentType.ChineseIdCardBack => "id-back",
        DocumentType.PassportDataPage => "passport",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    private static string Slug(PhotoVariant variant) => variant switch
    {
        PhotoVariant.LowResolution => "low-resolution",
        _ => variant.ToString().ToLowerInvariant(),
    };
}
