using System.Collections.Concurrent;
using KycE2E.Documents;

namespace KycE2E.UnitTests.Documents;

/// <summary>Every document type photographed in every variant once per test run, and analysed; built on first use.</summary>
internal static class DocumentPhotoSet
{
    public const int Seed = 20261126;
    public static readonly DateOnly On = new(2026, 3, 1);

    private static readonly Lazy<IReadOnlyDictionary<DocumentType, IdentityDocument>> Documents = new(() =>
    {
        var factory = new HolderFactory(Seed);
        var card = factory.ValidDocument(factory.Adult(On, DocumentType.ChineseIdCardFront), DocumentType.ChineseIdCardFront, On);
        var passport = factory.ValidDocument(factory.Adult(On, DocumentType.PassportDataPage), DocumentType.PassportDataPage, On);
        return new Dictionary<DocumentType, IdentityDocument>
        {
            [DocumentType.ChineseIdCardFront] = card,
            [DocumentType.ChineseIdCardBack] = card.OtherSide(),
            [DocumentType.PassportDataPage] = passport,
        };
    });

    private static readonly Lazy<IReadOnlyDictionary<(DocumentType, PhotoVariant), Shot>> Shots = new(() =>
    {
        var shots = new ConcurrentDictionary<(DocumentType, PhotoVariant), Shot>();
        var all = Enum.GetValues<DocumentType>().SelectMany(type => PhotoStudio.Variants.Select(variant => (type, variant)));
        Parallel.ForEach(all, key =>
        {
            var photo = PhotoStudio.Photograph(Document(key.type), key.variant, Seed);
            shots[key] = new Shot(photo, DocumentAnalyzer.Analyze(photo.Bytes.Span));
        });
        return shots;
    });

    public sealed record Shot(DocumentPhoto Photo, PhotoAnalysis Analysis);

    public static IdentityDocument Document(DocumentType type) => Documents.Value[type];

    public static Shot Of(DocumentType type, PhotoVariant variant) => Shots.Value[(type, variant)];
}
