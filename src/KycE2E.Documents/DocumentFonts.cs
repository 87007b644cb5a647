using SkiaSharp;

namespace KycE2E.Documents;

/// <summary>The typefaces documents are printed in: Noto Sans CJK (Debian's fonts-noto-cjk) for text, its mono cut for the MRZ.</summary>
internal static class DocumentFonts
{
    private static readonly Lazy<SKTypeface> RegularFace = new(() => Find("Noto Sans CJK SC", SKFontStyle.Normal));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => Find("Noto Sans CJK SC", SKFontStyle.Bold));
    private static readonly Lazy<SKTypeface> MonoFace = new(() => Find("Noto Sans Mono CJK SC", SKFontStyle.Normal));

    public static SKFont Regular(float size) => Font(RegularFace.Value, size);

    public static SKFont Bold(float size) => Font(BoldFace.Value, size);

    public static SKFont Mono(float size) => Font(MonoFace.Value, size);

    private static SKFont Font(SKTypeface face, float size) =>
        new(face, size) { Edging = SKFontEdging.Antialias, Subpixel = true };

    private static SKTypeface Find(string family, SKFontStyle style)
    {
        var face = SKFontManager.Default.MatchFamily(family, style)
            ?? SKFontManager.Default.MatchCharacter(family, style, null, '中');
        return face is not null && face.ContainsGlyph('中')
            ? face
            : throw new InvalidOperationException($"No font with Chinese glyphs ({family}) found: install the fonts-noto-cjk package.");
    }
}
