using System.Globalization;
using SkiaSharp;
using ZXing.QrCode.Internal;

namespace KycE2E.Documents;

/// <summary>Where things are on a drawn document, in its own pixels; the photo studio aims glare and fingers with it.</summary>
internal sealed record DocumentLayout(SKSizeI Size, SKRect DataZone, SKRect CodeArea, float MarkerSize, float MarkerInset);

/// <summary>
/// Draws synthetic documents: an ID card side at 1012×638 px (85.6×54 mm) or a passport data page at
/// 1250×880 px (125×88 mm), with printed details, a drawn portrait, four corner markers and a QR code
/// of <see cref="DocumentCode"/>. The same document always gives the same pixels.
/// </summary>
public static class DocumentRenderer
{
    public static readonly SKSizeI IdCardSize = new(1012, 638);
    public static readonly SKSizeI PassportPageSize = new(1250, 880);

    /// <summary>Pixels per QR module: ≥ 7 keeps the code readable in a phone photo.</summary>
    public const int IdCardModuleSize = 7;
    public const int PassportModuleSize = 8;

    private static readonly SKColor Ink = new(22, 22, 24);
    private static readonly SKColor LabelInk = new(38, 88, 148);
    private static readonly SKColor CodeLight = new(236, 238, 240);
    private static readonly SKColor CodeDark = new(16, 16, 18);
    private static readonly SKColor PortraitBackground = new(206, 218, 228);
    private static readonly SKColor PortraitFigure = new(122, 136, 152);

    public static SKSizeI SizeOf(DocumentType type) =>
        type == DocumentType.PassportDataPage ? PassportPageSize : IdCardSize;

    public static byte[] RenderPng(IdentityDocument document)
    {
        using var image = Render(document, out _);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    internal static SKImage Render(IdentityDocument document, out DocumentLayout layout)
    {
        ArgumentNullException.ThrowIfNull(document);
        var size = SizeOf(document.Type);
        using var surface = SKSurface.Create(new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("Could not create a drawing surface.");
        var canvas = surface.Canvas;
        var code = QrMatrix(DocumentCode.Of(document).ToJson());
        layout = document.Type switch
        {
            DocumentType.ChineseIdCardFront => DrawIdCardFront(canvas, document, code),
            DocumentType.ChineseIdCardBack => DrawIdCardBack(canvas, document, code),
            DocumentType.PassportDataPage => DrawPassportPage(canvas, document, code),
            _ => throw new ArgumentOutOfRangeException(nameof(document), document.Type, "Unknown document type."),
        };
        DrawCornerMarkers(canvas, layout);
        return surface.Snapshot();
    }

    private static DocumentLayout DrawIdCardFront(SKCanvas canvas, IdentityDocument document, ByteMatrix code)
    {
        var size = IdCardSize;
        var holder = document.Holder;
        var name = holder.ChineseName ?? throw new ArgumentException("An ID card needs the holder's Chinese name.", nameof(document));
        DrawBackground(canvas, size, new SKColor(206, 226, 242), new SKColor(220, 238, 230), new SKColor(168, 202, 232));

        var codeArea = DrawCode(canvas, code, IdCardModuleSize, right: size.Width - 52, top: 110);
        DrawPortrait(canvas, new SKRect(110, 120, 260, 320));

        using var label = DocumentFonts.Regular(22);
        using var value = DocumentFonts.Regular(26);
        using var nameFont = DocumentFonts.Bold(30);
        DrawLabelled(canvas, "姓名", name, 290, 150, label, nameFont);
        DrawLabelled(canvas, "性别", holder.Sex == Sex.Male ? "男" : "女", 290, 205, label, value);
        DrawLabelled(canvas, "民族", holder.Ethnicity ?? "汉", 410, 205, label, value);
        var born = holder.DateOfBirth;
        DrawLabelled(canvas, "出生", string.Create(CultureInfo.InvariantCulture, $"{born.Year} 年 {born.Month} 月 {born.Day} 日"), 290, 260, label, value);
        DrawText(canvas, "住址", 290, 315, label, LabelInk);
        var line = 0;
        foreach (var part in Wrap(holder.Address ?? "", value, codeArea.Left - 16 - 350))
        {
            DrawText(canvas, part, 350, 315 + line++ * 36, value, Ink);
        }

        DrawText(canvas, "公民身份号码", 120, 560, label, LabelInk);
        using var number = DocumentFonts.Bold(34);
        DrawSpaced(canvas, holder.DocumentNumber, 300, 562, number, 24);
        return new DocumentLayout(size, new SKRect(240, 105, 570, 420), codeArea, MarkerSize(size), MarkerInset(size));
    }

    private static DocumentLayout DrawIdCardBack(SKCanvas canvas, IdentityDocument document, ByteMatrix code)
    {
        var size = IdCardSize;
        DrawBackground(canvas, size, new SKColor(242, 234, 208), new SKColor(230, 238, 214), new SKColor(222, 196, 160));
        var codeArea = DrawCode(canvas, code, IdCardModuleSize, right: size.Width - 52, top: 110);
        DrawEmblem(canvas, new SKPoint(175, 160), 68);

        using var country = DocumentFonts.Bold(38);
        using var title = DocumentFonts.Bold(50);
        DrawText(canvas, "中华人民共和国", 280, 140, country, Ink);
        DrawSpaced(canvas, "居民身份证", 280, 228, title, 56);

        using var label = DocumentFonts.Regular(22);
        using var value = DocumentFonts.Regular(26);
        DrawLabelled(canvas, "签发机关", document.IssuingAuthority, 120, 470, label, value, valueX: 250);
        var validity = string.Create(CultureInfo.InvariantCulture, $"{document.IssueDate:yyyy.MM.dd}-{document.ExpiryDate:yyyy.MM.dd}");
        DrawLabelled(canvas, "有效期限", validity, 120, 540, label, value, valueX: 250);
        return new DocumentLayout(size, new SKRect(110, 390, 570, 590), codeArea, MarkerSize(size), MarkerInset(size));
    }

    private static DocumentLayout DrawPassportPage(SKCanvas canvas, IdentityDocument document, ByteMatrix code)
    {
        var size = PassportPageSize;
        var holder = document.Holder;
        var latin = holder.LatinName ?? throw new ArgumentException("A passport needs the holder's name in Latin script.", nameof(document));
        var mrz = Mrz.Build(document);
        DrawBackground(canvas, size, new SKColor(242, 216, 232), new SKColor(230, 220, 244), new SKColor(214, 176, 208));

        var codeArea = DrawCode(canvas, code, PassportModuleSize, right: size.Width - 64, top: 140);
        DrawPortrait(canvas, new SKRect(110, 150, 360, 470));

        using var header = DocumentFonts.Bold(30);
        var chinese = CountryCodes.IcaoCode(holder.Nationality) == "CHN";
        DrawText(canvas, chinese ? "中华人民共和国  护照" : "护照", 150, 82, header, Ink);
        using var headerLatin = DocumentFonts.Regular(20);
        DrawText(canvas, chinese ? "PEOPLE'S REPUBLIC OF CHINA  PASSPORT" : "PASSPORT", 150, 112, headerLatin, Ink);

        using var label = DocumentFonts.Regular(16);
        using var value = DocumentFonts.Regular(24);
        var nationality = CountryCodes.IcaoCode(holder.Nationality);
        PassportField(canvas, "类型/Type", "P", 400, 160, label, value);
        PassportField(canvas, "护照号/Passport No.", holder.DocumentNumber, 580, 160, label, value);
        PassportField(canvas, "姓名/Name", holder.ChineseName ?? latin.ToString(), 400, 235, label, value);
        PassportField(canvas, "国家码/Country code", nationality, 580, 235, label, value);
        PassportField(canvas, "姓/Surname", latin.Surname, 400, 310, label, value);
        PassportField(canvas, "名/Given names", latin.GivenNames, 400, 385, label, value);
        PassportField(canvas, "性别/Sex", holder.Sex == Sex.Male ? "男/M" : "女/F", 400, 460, label, value);
        PassportField(canvas, "国籍/Nationality", nationality, 580, 460, label, value);
        PassportField(canvas, "出生日期/Date of birth", PassportDate(holder.DateOfBirth), 400, 535, label, value);
        PassportField(canvas, "签发日期/Date of issue", PassportDate(document.IssueDate), 580, 535, label, value);
        PassportField(canvas, "有效期至/Date of expiry", PassportDate(document.ExpiryDate), 400, 610, label, value);
        PassportField(canvas, "签发机关/Authority", document.IssuingAuthority, 580, 610, label, value);

        DrawMrz(canvas, mrz, left: 125, width: 1000, firstBaseline: 712, lineGap: 62);
        return new DocumentLayout(size, new SKRect(390, 200, 760, 520), codeArea, MarkerSize(size), MarkerInset(size));
    }

    private static float MarkerSize(SKSizeI size) => MathF.Round(size.Width * CornerMarkers.SizeShare);

    private static float MarkerInset(SKSizeI size) => MathF.Round(size.Width * CornerMarkers.InsetShare);

    private static string PassportDate(DateOnly date) =>
        date.ToString("dd MMM yyyy", CultureInfo.InvariantCulture).ToUpperInvariant();

    private static void DrawBackground(SKCanvas canvas, SKSizeI size, SKColor from, SKColor to, SKColor pattern)
    {
        using var fill = new SKPaint();
        fill.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(size.Width, size.Height), [from, to], SKShaderTileMode.Clamp);
        canvas.DrawRect(0, 0, size.Width, size.Height, fill);

        // A guilloche of fine waves, as security printing has, so the card is not a flat colour.
        using var wave = new SKPaint { Color = pattern.WithAlpha(150), IsStroke = true, StrokeWidth = 1.3f, IsAntialias = true };
        for (var i = 0; i < 26; i++)
        {
            using var path = new SKPath();
            var baseY = -40 + i * (size.Height + 80) / 26f;
            for (var x = 0; x <= size.Width; x += 6)
            {
                var y = baseY + 14 * MathF.Sin(x / 61f + i * 0.7f) + 9 * MathF.Sin(x / 23f - i * 0.3f);
                if (x == 0)
                {
                    path.MoveTo(x, y);
                }
                else
                {
                    path.LineTo(x, y);
                }
            }

            canvas.DrawPath(path, wave);
        }
    }

    private static void DrawPortrait(SKCanvas canvas, SKRect area)
    {
        using var panel = new SKPaint { Color = PortraitBackground, IsAntialias = true };
        canvas.DrawRect(area, panel);
        using var figure = new SKPaint { Color = PortraitFigure, IsAntialias = true };
        var centreX = area.MidX;
        var headRadius = area.Width * 0.2f;
        var headY = area.Top + area.Height * 0.36f;
        canvas.DrawOval(new SKRect(centreX - headRadius, headY - headRadius * 1.2f, centreX + headRadius, headY + headRadius * 1.2f), figure);
        using var shoulders = new SKPath();
        shoulders.MoveTo(area.Left + area.Width * 0.08f, area.Bottom);
        shoulders.CubicTo(area.Left + area.Width * 0.1f, area.Top + area.Height * 0.66f,
            centreX - headRadius * 1.6f, area.Top + area.Height * 0.6f, centreX, area.Top + area.Height * 0.6f);
        shoulders.CubicTo(centreX + headRadius * 1.6f, area.Top + area.Height * 0.6f,
            area.Right - area.Width * 0.1f, area.Top + area.Height * 0.66f, area.Right - area.Width * 0.08f, area.Bottom);
        shoulders.Close();
        canvas.DrawPath(shoulders, figure);
    }

    private static void DrawEmblem(SKCanvas canvas, SKPoint centre, float radius)
    {
        using var red = new SKPaint { Color = new SKColor(204, 34, 42), IsAntialias = true };
        using var gold = new SKPaint { Color = new SKColor(248, 204, 70), IsAntialias = true };
        using var ring = new SKPaint { Color = new SKColor(248, 204, 70), IsAntialias = true, IsStroke = true, StrokeWidth = 4 };
        canvas.DrawCircle(centre, radius, red);
        canvas.DrawCircle(centre, radius * 0.86f, ring);
        DrawStar(canvas, new SKPoint(centre.X - radius * 0.28f, centre.Y - radius * 0.1f), radius * 0.34f, 0, gold);
        for (var i = 0; i < 4; i++)
        {
            var angle = -60 + i * 30;
            var r = radius * 0.5f;
            var at = new SKPoint(centre.X + r * MathF.Cos(angle * MathF.PI / 180) * 0.9f, centre.Y + r * MathF.Sin(angle * MathF.PI / 180) * 1.1f);
            DrawStar(canvas, at, radius * 0.12f, angle, gold);
        }
    }

    private static void DrawStar(SKCanvas canvas, SKPoint centre, float radius, float rotation, SKPaint paint)
    {
        using var path = new SKPath();
        for (var i = 0; i < 10; i++)
        {
            var r = i % 2 == 0 ? radius : radius * 0.4f;
            var angle = (rotation - 90 + i * 36) * MathF.PI / 180;
            var point = new SKPoint(centre.X + r * MathF.Cos(angle), centre.Y + r * MathF.Sin(angle));
            if (i == 0)
            {
                path.MoveTo(point);
            }
            else
            {
                path.LineTo(point);
            }
        }

        path.Close();
        canvas.DrawPath(path, paint);
    }

    private static void DrawCornerMarkers(SKCanvas canvas, DocumentLayout layout)
    {
        using var dark = new SKPaint { Color = CodeDark };
        using var light = new SKPaint { Color = CodeLight };
        var s = layout.MarkerSize;
        var inset = layout.MarkerInset;
        var inner = s * CornerMarkers.InnerShare;
        foreach (var (x, y) in new[]
                 {
                     (inset, inset), (layout.Size.Width - inset - s, inset),
                     (inset, layout.Size.Height - inset - s), (layout.Size.Width - inset - s, layout.Size.Height - inset - s),
                 })
        {
            canvas.DrawRect(x, y, s, s, dark);
            canvas.DrawRect(x + (s - inner) / 2, y + (s - inner) / 2, inner, inner, light);
        }
    }

    private static ByteMatrix QrMatrix(string text)
    {
        var hints = new Dictionary<ZXing.EncodeHintType, object> { [ZXing.EncodeHintType.CHARACTER_SET] = "UTF-8" };
        return Encoder.encode(text, ErrorCorrectionLevel.M, hints).Matrix;
    }

    /// <summary>Draws the code module by module on a light panel with a two-module quiet zone; returns the panel.</summary>
    private static SKRect DrawCode(SKCanvas canvas, ByteMatrix matrix, int moduleSize, float right, float top)
    {
        var side = matrix.Width * moduleSize;
        var left = right - side;
        var quiet = 2 * moduleSize;
        var panel = new SKRect(left - quiet, top - quiet, right + quiet, top + side + quiet);
        using var light = new SKPaint { Color = CodeLight };
        canvas.DrawRect(panel, light);
        using var dark = new SKPaint { Color = CodeDark };
        for (var y = 0; y < matrix.Height; y++)
        {
            for (var x = 0; x < matrix.Width; x++)
            {
                if (matrix[x, y] == 1)
                {
                    canvas.DrawRect(left + x * moduleSize, top + y * moduleSize, moduleSize, moduleSize, dark);
                }
            }
        }

        return panel;
    }

    private static void DrawMrz(SKCanvas canvas, MrzLines mrz, float left, float width, float firstBaseline, float lineGap)
    {
        using var probe = DocumentFonts.Mono(100);
        var advance = width / Mrz.LineLength;
        using var font = DocumentFonts.Mono(100 * advance / probe.MeasureText("<"));
        DrawSpaced(canvas, mrz.Line1, left, firstBaseline, font, advance);
        DrawSpaced(canvas, mrz.Line2, left, firstBaseline + lineGap, font, advance);
    }

    private static void PassportField(SKCanvas canvas, string label, string value, float x, float y, SKFont labelFont, SKFont valueFont)
    {
        DrawText(canvas, label, x, y, labelFont, LabelInk);
        DrawText(canvas, value, x, y + 30, valueFont, Ink);
    }

    private static void DrawLabelled(SKCanvas canvas, string label, string value, float x, float y, SKFont labelFont, SKFont valueFont, float? valueX = null)
    {
        DrawText(canvas, label, x, y, labelFont, LabelInk);
        DrawText(canvas, value, valueX ?? x + 60, y, valueFont, Ink);
    }

    private static void DrawText(SKCanvas canvas, string text, float x, float y, SKFont font, SKColor colour)
    {
        using var paint = new SKPaint { Color = colour, IsAntialias = true };
        canvas.DrawText(text, x, y, SKTextAlign.Left, font, paint);
    }

    /// <summary>One character every <paramref name="advance"/> pixels, as ID numbers and the MRZ are printed.</summary>
    private static void DrawSpaced(SKCanvas canvas, string text, float x, float y, SKFont font, float advance)
    {
        using var paint = new SKPaint { Color = Ink, IsAntialias = true };
        for (var i = 0; i < text.Length; i++)
        {
            canvas.DrawText(text[i].ToString(), x + i * advance, y, SKTextAlign.Left, font, paint);
        }
    }

    private static IEnumerable<string> Wrap(string text, SKFont font, float width)
    {
        var start = 0;
        for (var end = 1; end <= text.Length; end++)
        {
            // Never split a house number.
            if (font.MeasureText(text[start..end]) > width && end - 1 > start && !(char.IsAsciiDigit(text[end - 1]) && char.IsAsciiDigit(text[end - 2])))
            {
                yield return text[start..(end - 1)];
                start = end - 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }
}
