using System.Globalization;
using System.Text.RegularExpressions;
using KycE2E.Documents;
using KycE2E.Sandbox.Domain;
using SkiaSharp;

namespace KycE2E.Sandbox.Verification;

/// <summary>What the user filled in, as received; nothing here is trusted yet.</summary>
public sealed record SubmittedForm(
    string? Region,
    string? DocumentType,
    string? FullName,
    string? DocumentNumber,
    string? DateOfBirth,
    UploadedPhoto? Front,
    UploadedPhoto? Back);

public sealed record UploadedPhoto(byte[] Content, string? FileName);

/// <summary>
/// The checks made at once, before any review: a failure here is a form error, never an attempt.
/// Each error is a code (for clients and tests) with a text key (for people).
/// </summary>
public static partial class FormValidation
{
    public const int MaxFileBytes = 10 * 1024 * 1024;
    public const int MinWidth = 600;
    public const int MinHeight = 380;
    public const int MaxSide = 12_000;

    /// <summary>
    /// The review decodes the whole photo and a copy scaled to 1000 px wide: 25 megapixels (100 MB of pixels) for each bounds its
    /// memory (see <see cref="ReviewedPixels"/>); a 12 MP phone photo is 4000×3000.
    /// </summary>
    public const long MaxPixels = 25_000_000;
    public const int MaxNameLength = 100;

    public sealed record Result(AttemptDetails? Details, IReadOnlyDictionary<string, string> Errors, string? FrontExtension, string? BackExtension)
    {
        public bool IsValid => Errors.Count == 0;
    }

    /// <summary>The date a form is checked on: the UTC date of the user's sandbox clock.</summary>
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime);

    /// <param name="requireBack">The forms ask for the back of an ID card; the API leaves it to the review (BACK_SIDE_MISSING).</param>
    /// <param name="withPhotos">False for details without photos (the test-data API's seeded attempts): every other rule applies.</param>
    public static Result Check(SubmittedForm form, DateOnly today, bool requireBack, Defects.SandboxDefects? defects = null, bool withPhotos = true)
    {
        defects ??= Defects.SandboxDefects.None;
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var region = form.Region?.Trim().ToUpperInvariant() ?? "";
        var type = form.DocumentType?.Trim().ToLowerInvariant() ?? "";
        var name = Normalize(form.FullName);
        var number = form.DocumentNumber?.Trim().ToUpperInvariant() ?? "";
        DateOnly dob = default;

        if (region.Length == 0)
        {
            errors[FormField.Region] = "required";
        }
        else if (!RegionCode().IsMatch(region))
        {
            errors[FormField.Region] = "region_invalid";
        }

        if (type.Length == 0)
        {
            errors[FormField.DocumentType] = "required";
        }
        else if (!DocumentKind.All.Contains(type))
        {
            errors[FormField.DocumentType] = "document_type_invalid";
        }

        if (name.Length == 0)
        {
            errors[FormField.FullName] = "required";
        }
        else if (name.Length > MaxNameLength)
        {
            errors[FormField.FullName] = "name_too_long";
        }
        else if (name.Any(c => char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format))
        {
            errors[FormField.FullName] = "name_invalid";
        }

        if (string.IsNullOrWhiteSpace(form.DateOfBirth))
        {
            errors[FormField.DateOfBirth] = "required";
        }
        else if (!DateOnly.TryParseExact(form.DateOfBirth.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out dob) || dob > today || dob.Year < 1900)
        {
            errors[FormField.DateOfBirth] = "date_invalid";
        }

        if (number.Length == 0)
        {
            errors[FormField.DocumentNumber] = "required";
        }
        else if (type == DocumentKind.IdCard)
        {
            var check = ChineseIdNumber.Validate(number);
            if (!check.IsValid && !(defects.Has("id-check-character-not-validated") && check.FailedRule == ChineseIdNumberRule.CheckCharacter))
            {
                errors[FormField.DocumentNumber] = check.FailedRule switch
                {
                    ChineseIdNumberRule.CheckCharacter => "id_number_check",
                    ChineseIdNumberRule.BirthDate => "id_number_birth_date",
                    _ => "id_number_format",
                };
            }
            else if (!errors.ContainsKey(FormField.DateOfBirth) && check.BirthDate != dob && !defects.Has("dob-not-compared-with-id-number"))
            {
                errors[FormField.DateOfBirth] = "dob_not_in_id_number";
            }
        }
        else if (!PassportNumber().IsMatch(number))
        {
            errors[FormField.DocumentNumber] = "passport_number_format";
        }

        var front = withPhotos ? CheckPhoto(form.Front, FormField.FrontImage, required: true, errors) : null;
        var back = withPhotos ? CheckPhoto(form.Back, FormField.BackImage, required: requireBack && type == DocumentKind.IdCard, errors) : null;

        return errors.Count > 0
            ? new Result(null, errors, null, null)
            : new Result(new AttemptDetails(region, type, name, number, dob), errors, front, back);
    }

    /// <summary>
    /// The larger of the two pictures a review holds: the photo as decoded, and its copy scaled to 1000 px wide, which is
    /// the bigger one for a narrow photo (380×12 000 is 4.6 MP, but 31.6 MP at 1000 px wide).
    /// </summary>
    public static long ReviewedPixels(int width, int height)
    {
        var scaledHeight = Math.Max(1L, (long)Math.Round(height * (double)QualityThresholds.NormalisedWidth / Math.Max(1, width)));
        return Math.Max((long)width * height, QualityThresholds.NormalisedWidth * scaledHeight);
    }

    /// <summary>Trim, full-width to half-width and one space between words (NFKC), as a reviewer reads a name.</summary>
    public static string Normalize(string? text) =>
        string.Join(' ', (text ?? "").Normalize(System.Text.NormalizationForm.FormKC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The file's type by its content, never its name: ".jpg", ".png" or null.</summary>
    public static string? SniffExtension(ReadOnlySpan<byte> content) =>
        content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? ".jpg"
        : content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? ".png"
        : null;

    private static string? CheckPhoto(UploadedPhoto? photo, string field, bool required, Dictionary<string, string> errors)
    {
        if (photo is null || photo.Content.Length == 0)
        {
            if (required)
            {
                errors[field] = "required";
            }

            return null;
        }

        if (photo.Content.Length > MaxFileBytes)
        {
            errors[field] = "file_too_large";
            return null;
        }

        var extension = SniffExtension(photo.Content);
        if (extension is null)
        {
            errors[field] = "file_type";
            return null;
        }

        // Reads the header only: a huge declared size is refused before any pixel is decoded.
        using var data = SKData.CreateCopy(photo.Content);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            errors[field] = "file_type";
            return null;
        }

        var (w, h) = (codec.Info.Width, codec.Info.Height);
        if (w > MaxSide || h > MaxSide || ReviewedPixels(w, h) > MaxPixels)
        {
            errors[field] = "file_dimensions_too_large";
            return null;
        }

        if (Math.Max(w, h) < MinWidth || Math.Min(w, h) < MinHeight)
        {
            errors[field] = "file_dimensions";
            return null;
        }

        if (!DecodesCompletely(codec))
        {
            errors[field] = "file_corrupt";
            return null;
        }

        return extension;
    }

    /// <summary>
    /// Every row of pixels decodes: a truncated or damaged file is refused now, never reviewed as half a picture.
    /// Decoded a band of rows at a time, so checking costs little memory whatever the image's size.
    /// </summary>
    private static bool DecodesCompletely(SKCodec codec)
    {
        const int band = 32;
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        if (codec.StartScanlineDecode(info) != SKCodecResult.Success)
        {
            // Formats without row-by-row decoding: decode whole, which MaxPixels bounds.
            using var whole = new SKBitmap(info);
            return codec.GetPixels(info, whole.GetPixels()) == SKCodecResult.Success;
        }

        using var rows = new SKBitmap(new SKImageInfo(info.Width, band, info.ColorType, info.AlphaType));
        for (var y = 0; y < info.Height; y += band)
        {
            var count = Math.Min(band, info.Height - y);
            if (codec.GetScanlines(rows.GetPixels(), count, info.RowBytes) != count)
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex RegionCode();

    [GeneratedRegex("^[A-Z0-9]{5,20}$")]
    private static partial Regex PassportNumber();
}
