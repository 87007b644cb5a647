using KycE2E.Documents;

namespace KycE2E.UnitTests.Documents;

public sealed class DocumentRenderingTests
{
    [TestCase(DocumentType.ChineseIdCardFront)]
    [TestCase(DocumentType.ChineseIdCardBack)]
    [TestCase(DocumentType.PassportDataPage)]
    public void Decoding_a_clear_photo_returns_exactly_the_holder_drawn(DocumentType type)
    {
        var document = DocumentPhotoSet.Document(type);

        var code = DocumentPhotoSet.Of(type, PhotoVariant.Clear).Analysis.Code;

        code.Should().NotBeNull();
        code!.Holder.Should().Be(document.Holder);
        code.Type.Should().Be(type);
        code.ExpiryDate.Should().Be(document.ExpiryDate);
    }

    [Test]
    public void A_greyscale_copy_still_decodes()
    {
        foreach (var type in Enum.GetValues<DocumentType>())
        {
            DocumentPhotoSet.Of(type, PhotoVariant.Greyscale).Analysis.Code!.Holder.Should().Be(DocumentPhotoSet.Document(type).Holder);
        }
    }

    [Test]
    public void The_drawn_document_itself_is_sized_like_the_real_one_and_decodes()
    {
        var passport = DocumentPhotoSet.Document(DocumentType.PassportDataPage);

        var analysis = DocumentAnalyzer.Analyze(DocumentRenderer.RenderPng(passport));

        (analysis.Width, analysis.Height).Should().Be((DocumentRenderer.PassportPageSize.Width, DocumentRenderer.PassportPageSize.Height));
        analysis.Code.Should().Be(DocumentCode.Of(passport));
        DocumentRenderer.IdCardSize.Should().Be(new SkiaSharp.SKSizeI(1012, 638));
    }

    [Test]
    public void The_same_document_renders_to_identical_png_bytes()
    {
        var card = DocumentPhotoSet.Document(DocumentType.ChineseIdCardFront);

        DocumentRenderer.RenderPng(card).Should().Equal(DocumentRenderer.RenderPng(card with { Holder = card.Holder with { } }));
    }

    [Test]
    public void The_same_seed_gives_identical_photo_bytes_and_another_seed_different_ones()
    {
        var card = DocumentPhotoSet.Document(DocumentType.ChineseIdCardBack);

        var first = PhotoStudio.Photograph(card, PhotoVariant.Glare, 7).Bytes.ToArray();
        var again = PhotoStudio.Photograph(card, PhotoVariant.Glare, 7).Bytes.ToArray();
        var other = PhotoStudio.Photograph(card, PhotoVariant.Glare, 8).Bytes.ToArray();

        again.Should().Equal(first);
        other.Should().NotEqual(first);
    }

    [Test]
    public void A_png_photo_is_a_png_of_the_same_size()
    {
        var jpeg = DocumentPhotoSet.Of(DocumentType.PassportDataPage, PhotoVariant.Clear).Photo;

        var png = PhotoStudio.Photograph(jpeg.Document, PhotoVariant.Clear, DocumentPhotoSet.Seed, PhotoFormat.Png);

        png.Bytes.Span[..4].ToArray().Should().Equal(0x89, (byte)'P', (byte)'N', (byte)'G');
        jpeg.Bytes.Span[..2].ToArray().Should().Equal(0xFF, 0xD8);
        (png.Width, png.Height).Should().Be((jpeg.Width, jpeg.Height));
        png.MediaType.Should().Be("image/png");
    }

    [Test]
    public void A_passport_needs_a_Latin_name_and_an_ID_card_a_Chinese_one()
    {
        var passport = DocumentPhotoSet.Document(DocumentType.PassportDataPage);
        var card = DocumentPhotoSet.Document(DocumentType.ChineseIdCardFront);

        FluentActions.Invoking(() => DocumentRenderer.RenderPng(passport with { Holder = passport.Holder with { LatinName = null } }))
            .Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => DocumentRenderer.RenderPng(card with { Holder = card.Holder with { ChineseName = null } }))
            .Should().Throw<ArgumentException>();
    }

    [Test]
    public void A_photo_of_an_empty_desk_finds_no_marker_and_no_code()
    {
        using var bitmap = new SkiaSharp.SKBitmap(800, 500);
        bitmap.Erase(new SkiaSharp.SKColor(120, 100, 80));
        using var png = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);

        var analysis = DocumentAnalyzer.Analyze(png.AsSpan());

        analysis.CornerMarkers.Should().Be(0);
        analysis.Findings.Should().Contain([QualityFinding.Obscured, QualityFinding.Unreadable]);
    }

    [Test]
    public void Bytes_that_are_not_an_image_are_refused() =>
        FluentActions.Invoking(() => DocumentAnalyzer.Analyze("not an image"u8)).Should().Throw<ArgumentException>();
}
