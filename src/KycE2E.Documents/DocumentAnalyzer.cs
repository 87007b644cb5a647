using SkiaSharp;
using ZXing;
using ZXing.Common;
using ZXing.Multi.QrCode;

namespace KycE2E.Documents;

/// <summary>
/// Judges a document photo by its pixels: sharpness, glare, corner markers, colour, size, and the QR code's content.
/// Thread-safe; one photo takes tens of milliseconds.
/// </summary>
public static class DocumentAnalyzer
{
    public static PhotoAnalysis Analyze(ReadOnlySpan<byte> image)
    {
        using var data = SKData.CreateCopy(image);
        using var codec = SKCodec.Create(data) ?? throw new ArgumentException("Not a JPEG or PNG image.", nameof(image));
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var bitmap = SKBitmap.Decode(codec, info) ?? throw new ArgumentException("The image could not be decoded.", nameof(image));

        var height = Math.Max(1, (int)Math.Round(bitmap.Height * (double)QualityThresholds.NormalisedWidth / bitmap.Width));
        using var normalised = bitmap.Resize(
            new SKImageInfo(QualityThresholds.NormalisedWidth, height, SKColorType.Rgba8888, SKAlphaType.Premul),
            new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear))
            ?? throw new InvalidOperationException("Could not scale the image.");
        var chroma = new byte[QualityThresholds.NormalisedWidth * height];
        var grey = Grey(normalised.GetPixelSpan(), chroma);
        var picture = new GreyPicture(grey, QualityThresholds.NormalisedWidth, height);

        // Without a document in sight everything is measured over the whole photo and no marker counts.
        var document = FindDocument(picture);
        var box = document ?? Whole(picture);
        var inside = document is null
            ? box
            : SKRectI.Inflate(box, -(int)(box.Width * QualityThresholds.DocumentInset), -(int)(box.Height * QualityThresholds.DocumentInset));

        var scale = (double)bitmap.Width / QualityThresholds.NormalisedWidth;
        var codeArea = SKRectI.Intersect(
            new SKRectI((int)((box.Left - 10) * scale), (int)((box.Top - 10) * scale), (int)((box.Right + 10) * scale), (int)((box.Bottom + 10) * scale)),
            new SKRectI(0, 0, bitmap.Width, bitmap.Height));
        var code = ReadCode(new GreyPicture(Grey(bitmap.GetPixelSpan(), chroma: null), bitmap.Width, bitmap.Height), codeArea)
            ?? ReadCode(picture, box);

        return new PhotoAnalysis(
            bitmap.Width,
            bitmap.Height,
            Sharpness(picture, inside),
            GlareShare(picture, inside),
            document is null ? 0 : CountCornerMarkers(picture, box),
            Mean(chroma, picture, inside),
            code);
    }

    private readonly record struct GreyPicture(byte[] Pixels, int Width, int Height)
    {
        public byte this[int x, int y] => Pixels[y * Width + x];
    }

    private static SKRectI Whole(GreyPicture picture) => new(0, 0, picture.Width, picture.Height);

    /// <summary>Grey levels (ITU-R BT.601 weights) of RGBA pixels, and, when asked for, each pixel's chroma (max − min channel).</summary>
    private static byte[] Grey(ReadOnlySpan<byte> rgba, byte[]? chroma)
    {
        var count = rgba.Length / 4;
        var grey = new byte[count];
        for (var i = 0; i < count; i++)
        {
            int r = rgba[i * 4], g = rgba[i * 4 + 1], b = rgba[i * 4 + 2];
            grey[i] = (byte)((299 * r + 587 * g + 114 * b + 500) / 1000);
            if (chroma is not null)
            {
                chroma[i] = (byte)(Math.Max(r, Math.Max(g, b)) - Math.Min(r, Math.Min(g, b)));
            }
        }

        return grey;
    }

    /// <summary>
    /// Decodes the QR code in the document's box. The multi-code reader tries every triple of finder-pattern
    /// candidates, so a printed 国 (a box in a box) cannot take a finder's place; a local binarizer is tried first,
    /// then a global one. A small photo gets a second try at the normalised width, where modules are twice as wide.
    /// </summary>
    private static DocumentCode? ReadCode(GreyPicture picture, SKRectI area)
    {
        var crop = new byte[area.Width * area.Height];
        for (var y = 0; y < area.Height; y++)
        {
            Array.Copy(picture.Pixels, (area.Top + y) * picture.Width + area.Left, crop, y * area.Width, area.Width);
        }

        var source = new RGBLuminanceSource(crop, area.Width, area.Height, RGBLuminanceSource.BitmapFormat.Gray8);
        var hints = new Dictionary<DecodeHintType, object> { [DecodeHintType.CHARACTER_SET] = "UTF-8" };
        foreach (var binarizer in new Binarizer[] { new HybridBinarizer(source), new GlobalHistogramBinarizer(source) })
        {
            var results = new QRCodeMultiReader().decodeMultiple(new BinaryBitmap(binarizer), hints) ?? [];
            if (results.Select(result => DocumentCode.Parse(result.Text)).FirstOrDefault(code => code is not null) is { } code)
            {
                return code;
            }
        }

        return null;
    }

    /// <summary>
    /// The document's bounding box: the columns and rows where paper (light pixels) makes up at least 40% of the
    /// best column's or row's count, which leaves out a finger or a shadow on the desk; null when no paper is seen.
    /// </summary>
    private static SKRectI? FindDocument(GreyPicture picture)
    {
        var columns = new int[picture.Width];
        var rows = new int[picture.Height];
        for (var y = 0; y < picture.Height; y++)
        {
            for (var x = 0; x < picture.Width; x++)
            {
                if (picture[x, y] >= QualityThresholds.PaperLevel)
                {
                    columns[x]++;
                    rows[y]++;
                }
            }
        }

        var (left, right) = Span(columns);
        var (top, bottom) = Span(rows);
        if (columns.Max() < picture.Height / 10 || right - left < picture.Width / 10 || bottom - top < picture.Height / 10)
        {
            return null;
        }

        return new SKRectI(left, top, right + 1, bottom + 1);

        static (int First, int Last) Span(int[] counts)
        {
            var least = counts.Max() * 0.4;
            return (Array.FindIndex(counts, c => c >= least), Array.FindLastIndex(counts, c => c >= least));
        }
    }

    /// <summary>Variance of the 4-neighbour Laplacian: edges and fine print give a high value, blur a low one.</summary>
    private static double Sharpness(GreyPicture picture, SKRectI area)
    {
        double sum = 0, squares = 0;
        long count = 0;
        for (var y = Math.Max(area.Top, 1); y < Math.Min(area.Bottom, picture.Height - 1); y++)
        {
            for (var x = Math.Max(area.Left, 1); x < Math.Min(area.Right, picture.Width - 1); x++)
            {
                var laplacian = picture[x - 1, y] + picture[x + 1, y] + picture[x, y - 1] + picture[x, y + 1] - 4 * picture[x, y];
                sum += laplacian;
                squares += (double)laplacian * laplacian;
                count++;
            }
        }

        if (count == 0)
        {
            return 0;
        }

        var mean = sum / count;
        return squares / count - mean * mean;
    }

    private static double GlareShare(GreyPicture picture, SKRectI area)
    {
        long white = 0, count = 0;
        for (var y = area.Top; y < area.Bottom; y++)
        {
            for (var x = area.Left; x < area.Right; x++)
            {
                count++;
                if (picture[x, y] >= QualityThresholds.NearWhite)
                {
                    white++;
                }
            }
        }

        return count == 0 ? 0 : (double)white / count;
    }

    private static double Mean(byte[] values, GreyPicture picture, SKRectI area)
    {
        long sum = 0, count = 0;
        for (var y = area.Top; y < area.Bottom; y++)
        {
            for (var x = area.Left; x < area.Right; x++)
            {
                sum += values[y * picture.Width + x];
                count++;
            }
        }

        return count == 0 ? 0 : (double)sum / count;
    }

    /// <summary>
    /// Finds dark connected shapes of about a marker's size in the document box whose 8×8 sampling matches the
    /// marker pattern, and counts the box's corners (0–4) that have one nearby.
    /// </summary>
    private static int CountCornerMarkers(GreyPicture picture, SKRectI box)
    {
        // The box of a tilted document is up to 7% wider than the document itself.
        var expected = CornerMarkers.SizeShare * box.Width / 1.035;
        var corners = new bool[4];
        var seen = new bool[box.Width * box.Height];
        var stack = new Stack<int>();
        for (var y = box.Top; y < box.Bottom; y++)
        {
            for (var x = box.Left; x < box.Right; x++)
            {
                var index = (y - box.Top) * box.Width + (x - box.Left);
                if (seen[index] || picture[x, y] >= QualityThresholds.InkLevel)
                {
                    continue;
                }

                var shape = Fill(picture, box, seen, stack, x, y);
                if (!LooksLikeMarker(picture, shape, expected))
                {
                    continue;
                }

                var centreX = shape.MidX;
                var centreY = shape.MidY;
                var left = centreX - box.Left < box.Width * 0.25;
                var right = box.Right - centreX < box.Width * 0.25;
                var top = centreY - box.Top < box.Height * 0.3;
                var bottom = box.Bottom - centreY < box.Height * 0.3;
                if ((left || right) && (top || bottom))
                {
                    corners[(top ? 0 : 2) + (left ? 0 : 1)] = true;
                }
            }
        }

        return corners.Count(found => found);
    }

    /// <summary>Marks the 8-connected ink shape from (x, y) as seen and returns its bounding box.</summary>
    private static SKRectI Fill(GreyPicture picture, SKRectI box, bool[] seen, Stack<int> stack, int startX, int startY)
    {
        int minX = startX, maxX = startX, minY = startY, maxY = startY;
        stack.Push(startY * picture.Width + startX);
        seen[(startY - box.Top) * box.Width + (startX - box.Left)] = true;
        while (stack.Count > 0)
        {
            var at = stack.Pop();
            int x = at % picture.Width, y = at / picture.Width;
            minX = Math.Min(minX, x);
            maxX = Math.Max(maxX, x);
            minY = Math.Min(minY, y);
            maxY = Math.Max(maxY, y);
            for (var dy = -1; dy <= 1; dy++)
            {
                for (var dx = -1; dx <= 1; dx++)
                {
                    int nx = x + dx, ny = y + dy;
                    if (nx < box.Left || nx >= box.Right || ny < box.Top || ny >= box.Bottom)
                    {
                        continue;
                    }

                    var index = (ny - box.Top) * box.Width + (nx - box.Left);
                    if (!seen[index] && picture[nx, ny] < QualityThresholds.InkLevel)
                    {
                        seen[index] = true;
                        stack.Push(ny * picture.Width + nx);
                    }
                }
            }
        }

        return new SKRectI(minX, minY, maxX + 1, maxY + 1);
    }

    private static bool LooksLikeMarker(GreyPicture picture, SKRectI shape, double expected)
    {
        if (shape.Width < expected * 0.6 || shape.Width > expected * 1.6 || shape.Height < expected * 0.6 || shape.Height > expected * 1.6)
        {
            return false;
        }

        var aspect = (double)shape.Width / shape.Height;
        if (aspect is < 0.75 or > 1.33)
        {
            return false;
        }

        var matches = 0;
        for (var row = 0; row < CornerMarkers.Grid; row++)
        {
            for (var column = 0; column < CornerMarkers.Grid; column++)
            {
                var x = shape.Left + (int)((column + 0.5) * shape.Width / CornerMarkers.Grid);
                var y = shape.Top + (int)((row + 0.5) * shape.Height / CornerMarkers.Grid);
                if (picture[x, y] < QualityThresholds.InkLevel == CornerMarkers.IsDarkCell(column, row))
                {
                    matches++;
                }
            }
        }

        return matches >= QualityThresholds.MarkerPatternMatch * CornerMarkers.Grid * CornerMarkers.Grid;
    }
}
