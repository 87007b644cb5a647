using SkiaSharp;

namespace KycE2E.Documents;

/// <summary>
/// Takes phone-style photos of drawn documents: the document lies on a textured desk, tilted by a seeded angle
/// (±4°) and shifted a little, and the variant's real image operation is applied. Same inputs and seed, same bytes.
/// </summary>
public static class PhotoStudio
{
    public const int JpegQuality = 90;

    /// <summary>Largest tilt of the document in the photo, either way, in degrees.</summary>
    public const float MaximumTilt = 4f;

    /// <summary>Blur σ in QR modules: a 7 px module code stops decoding from about 0.43 module (σ≈3), so 0.75 leaves a wide margin.</summary>
    public const float BlurInModules = 0.75f;

    /// <summary>Width a low-resolution photo is shrunk to: 20% under the 600 px minimum.</summary>
    public const int LowResolutionWidth = 480;

    /// <summary>Core of the glare spot that is pure white, as a share of its radius; it fades out beyond.</summary>
    private const float GlareCore = 0.7f;

    public static IReadOnlyList<PhotoVariant> Variants { get; } = Enum.GetValues<PhotoVariant>();

    /// <summary>The quality findings a review should report for a photo of that variant.</summary>
    public static IReadOnlyList<QualityFinding> IntendedFindings(PhotoVariant variant) => variant switch
    {
        PhotoVariant.Clear => [],
        PhotoVariant.Blurry => [QualityFinding.Blurry, QualityFinding.Unreadable],
        PhotoVariant.Glare => [QualityFinding.Glare],
        PhotoVariant.Obscured => [QualityFinding.Obscured],
        PhotoVariant.Cropped => [QualityFinding.Obscured],
        PhotoVariant.Greyscale => [QualityFinding.LowQuality],
        PhotoVariant.LowResolution => [QualityFinding.LowQuality],
        _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, null),
    };

    public static DocumentPhoto Photograph(IdentityDocument document, PhotoVariant variant, int seed, PhotoFormat format = PhotoFormat.Jpeg)
    {
        ArgumentNullException.ThrowIfNull(document);
        var random = new Random(seed);
        using var card = DocumentRenderer.Render(document, out var layout);
        using var photo = Finish(Compose(card, layout, variant, random), variant, document.Type);
        using var data = format == PhotoFormat.Jpeg
            ? photo.Encode(SKEncodedImageFormat.Jpeg, JpegQuality)
            : photo.Encode(SKEncodedImageFormat.Png, 100);
        return new DocumentPhoto(document, variant, seed, format, photo.Width, photo.Height, data.ToArray());
    }

    /// <summary>Applies the operations that act on the whole photo; disposes the composed image when it makes a new one.</summary>
    private static SKImage Finish(SKImage composed, PhotoVariant variant, DocumentType type)
    {
        if (variant is not (PhotoVariant.Blurry or PhotoVariant.LowResolution))
        {
            return composed;
        }

        using (composed)
        {
            return variant == PhotoVariant.Blurry
                ? Blur(composed, BlurInModules * ModuleSize(type))
                : Shrink(composed, LowResolutionWidth);
        }
    }

    private static int ModuleSize(DocumentType type) =>
        type == DocumentType.PassportDataPage ? DocumentRenderer.PassportModuleSize : DocumentRenderer.IdCardModuleSize;

    private static SKImage Compose(SKImage card, DocumentLayout layout, PhotoVariant variant, Random random)
    {
        var width = (int)MathF.Round(card.Width * 1.2f);
        var height = (int)MathF.Round(card.Height * 1.3f);
        var tilt = (float)(random.NextDouble() * 2 - 1) * MaximumTilt;
        var shiftX = (float)(random.NextDouble() * 2 - 1) * width * 0.015f;
        var shiftY = (float)(random.NextDouble() * 2 - 1) * height * 0.015f;

        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("Could not create a drawing surface.");
        var canvas = surface.Canvas;
        using (var desk = Desk(width, height, random))
        {
            canvas.DrawImage(desk, 0, 0);
        }

        canvas.Translate(width / 2f + shiftX, height / 2f + shiftY);
        canvas.RotateDegrees(tilt);
        canvas.Translate(-card.Width / 2f, -card.Height / 2f);

        using var outline = CardOutline(layout, cutCorner: variant == PhotoVariant.Cropped);
        using (var shadow = new SKPaint { Color = new SKColor(0, 0, 0, 100), IsAntialias = true, MaskFilter = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, 7) })
        {
            canvas.Save();
            canvas.Translate(5, 8);
            canvas.DrawPath(outline, shadow);
            canvas.Restore();
        }

        canvas.Save();
        canvas.ClipPath(outline, antialias: true);
        using (var paint = new SKPaint())
        {
            if (variant == PhotoVariant.Greyscale)
            {
                paint.ColorFilter = SKColorFilter.CreateColorMatrix(
                [
                    0.299f, 0.587f, 0.114f, 0, 0,
                    0.299f, 0.587f, 0.114f, 0, 0,
                    0.299f, 0.587f, 0.114f, 0, 0,
                    0, 0, 0, 1, 0,
                ]);
            }

            canvas.DrawImage(card, 0, 0, new SKSamplingOptions(SKFilterMode.Linear), paint);
        }

        if (variant == PhotoVariant.Glare)
        {
            DrawGlare(canvas, layout.DataZone);
        }

        canvas.Restore();
        if (variant == PhotoVariant.Obscured)
        {
            DrawFinger(canvas, layout);
        }

        return surface.Snapshot();
    }

    /// <summary>The card's rounded outline; a cropped photo loses the top-left corner beyond its marker.</summary>
    private static SKPath CardOutline(DocumentLayout layout, bool cutCorner)
    {
        var size = layout.Size;
        var radius = size.Width * (size == DocumentRenderer.IdCardSize ? 0.037f : 0.015f);
        var outline = new SKPath();
        outline.AddRoundRect(new SKRect(0, 0, size.Width, size.Height), radius, radius);
        if (!cutCorner)
        {
            return outline;
        }

        // The cut passes well beyond the marker's inner corner (2 × (inset + size) along each edge).
        var leg = 2.6f * (layout.MarkerInset + layout.MarkerSize);
        using var corner = new SKPath();
        corner.MoveTo(-1, -1);
        corner.LineTo(leg, -1);
        corner.LineTo(-1, leg);
        corner.Close();
        var cut = outline.Op(corner, SKPathOp.Difference) ?? throw new InvalidOperationException("Could not cut the card's corner.");
        outline.Dispose();
        return cut;
    }

    /// <summary>A specular reflection: an ellipse over the details, pure white in its core and fading out.</summary>
    private static void DrawGlare(SKCanvas canvas, SKRect zone)
    {
        using var paint = new SKPaint { IsAntialias = true };
        paint.Shader = SKShader.CreateRadialGradient(
            new SKPoint(0, 0), 1, [SKColors.White, SKColors.White, SKColors.White.WithAlpha(0)], [0, GlareCore, 1], SKShaderTileMode.Clamp);
        canvas.Save();
        canvas.Translate(zone.MidX, zone.MidY);
        canvas.Scale(zone.Width / 2, zone.Height / 2);
        canvas.DrawCircle(0, 0, 1, paint);
        canvas.Restore();
    }

    /// <summary>A fingertip reaching in from the bottom left, over that corner's marker and the details beside it.</summary>
    private static void DrawFinger(SKCanvas canvas, DocumentLayout layout)
    {
        var width = layout.Size.Width * 0.15f;
        var length = layout.Size.Width * 0.6f;
        var marker = new SKPoint(layout.MarkerInset + layout.MarkerSize / 2, layout.Size.Height - layout.MarkerInset - layout.MarkerSize / 2);
        const float angle = -40f;
        var direction = new SKPoint(MathF.Cos(angle * MathF.PI / 180), MathF.Sin(angle * MathF.PI / 180));
        var tip = marker + new SKPoint(direction.X * width * 0.45f, direction.Y * width * 0.45f);

        canvas.Save();
        canvas.Translate(tip.X, tip.Y);
        canvas.RotateDegrees(angle);
        var body = new SKRect(-length, -width / 2, width / 2, width / 2);
        using (var shadow = new SKPaint { Color = new SKColor(0, 0, 0, 90), IsAntialias = true, MaskFilter = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, 10) })
        {
            canvas.DrawRoundRect(new SKRect(body.Left + 6, body.Top + 10, body.Right + 6, body.Bottom + 10), width / 2, width / 2, shadow);
        }

        using (var skin = new SKPaint { IsAntialias = true })
        {
            skin.Shader = SKShader.CreateLinearGradient(
                new SKPoint(0, -width / 2), new SKPoint(0, width / 2),
                [new SKColor(186, 130, 104), new SKColor(230, 182, 150), new SKColor(236, 190, 160), new SKColor(196, 140, 112)],
                [0, 0.35f, 0.6f, 1], SKShaderTileMode.Clamp);
            canvas.DrawRoundRect(body, width / 2, width / 2, skin);
        }

        using (var nail = new SKPaint { Color = new SKColor(240, 206, 194), IsAntialias = true })
        using (var edge = new SKPaint { Color = new SKColor(206, 156, 136), IsAntialias = true, IsStroke = true, StrokeWidth = 2 })
        {
            var nailRect = new SKRect(-width * 0.1f, -width * 0.28f, width * 0.4f, width * 0.28f);
            canvas.DrawRoundRect(nailRect, width * 0.2f, width * 0.2f, nail);
            canvas.DrawRoundRect(nailRect, width * 0.2f, width * 0.2f, edge);
        }

        canvas.Restore();
    }

    /// <summary>A desk of wood, slate or cloth: mid-dark, grained and noisy, so the document stands out as a photo's would.</summary>
    private static SKImage Desk(int width, int height, Random random)
    {
        (byte R, byte G, byte B)[] tones = [(150, 112, 80), (112, 118, 126), (86, 124, 120)];
        var tone = tones[random.Next(tones.Length)];
        var phase = (float)(random.NextDouble() * 10);
        var period = 4.5f + (float)random.NextDouble() * 3;
        var wave = new float[width];
        for (var x = 0; x < width; x++)
        {
            wave[x] = 9 * MathF.Sin(x / 97f + phase);
        }

        // A sine table and an xorshift generator: a desk has a million pixels and Random or MathF.Sin for each costs more than the rest of the photo.
        const int steps = 4096;
        var sine = new float[steps];
        for (var i = 0; i < steps; i++)
        {
            sine[i] = 8 * MathF.Sin(i * 2 * MathF.PI / steps);
        }

        var state = (uint)random.Next() | 1u;
        var pixels = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            var row = y * width * 4;
            for (var x = 0; x < width; x++)
            {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                var turn = (y + wave[x]) / period + phase;
                var shade = sine[(int)(turn * (steps / (2 * MathF.PI))) & (steps - 1)] + (int)(state % 19) - 9;
                var i = row + x * 4;
                pixels[i] = Clamp(tone.R + shade);
                pixels[i + 1] = Clamp(tone.G + shade);
                pixels[i + 2] = Clamp(tone.B + shade);
                pixels[i + 3] = 255;
            }
        }

        return SKImage.FromPixelCopy(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul), pixels)
            ?? throw new InvalidOperationException("Could not make the desk image.");
    }

    private static byte Clamp(float value) => (byte)Math.Clamp((int)MathF.Round(value), 0, 255);

    private static SKImage Blur(SKImage image, float sigma)
    {
        using var surface = SKSurface.Create(new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("Could not create a drawing surface.");
        using var paint = new SKPaint { ImageFilter = SKImageFilter.CreateBlur(sigma, sigma, SKShaderTileMode.Clamp, null) };
        surface.Canvas.DrawImage(image, 0, 0, paint);
        return surface.Snapshot();
    }

    private static SKImage Shrink(SKImage image, int width)
    {
        var height = (int)MathF.Round(image.Height * (float)width / image.Width);
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("Could not create a drawing surface.");
        surface.Canvas.DrawImage(image, SKRect.Create(width, height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        return surface.Snapshot();
    }
}
