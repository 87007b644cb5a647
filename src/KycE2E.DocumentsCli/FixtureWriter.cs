using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using KycE2E.Documents;

namespace KycE2E.DocumentsCli;

/// <summary>Writes each fixture's photo once and a manifest.json listing every fixture.</summary>
internal static class FixtureWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Names and addresses stay readable Chinese in the manifest.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public static int Write(IReadOnlyList<Fixture> fixtures, string folder, int seed, DateOnly on)
    {
        Directory.CreateDirectory(folder);
        var photos = new Dictionary<string, DocumentPhoto>();
        foreach (var fixture in fixtures)
        {
            if (!photos.ContainsKey(fixture.File))
            {
                var photo = PhotoStudio.Photograph(fixture.Document, fixture.Variant, fixture.PhotoSeed);
                File.WriteAllBytes(Path.Combine(folder, fixture.File), photo.Bytes.ToArray());
                photos[fixture.File] = photo;
            }
        }

        var manifest = new
        {
            Seed = seed,
            ReferenceDate = on,
            Photos = fixtures.Select(f => new
            {
                f.File,
                photos[f.File].MediaType,
                photos[f.File].Width,
                photos[f.File].Height,
                DocumentType = f.Document.Type,
                f.Variant,
                f.Case,
                f.PhotoSeed,
                Document = new
                {
                    f.Document.IssueDate,
                    f.Document.ExpiryDate,
                    f.Document.IssuingAuthority,
                    Holder = Details(f.Document.Holder),
                },
                Form = Details(f.Form),
                f.ExpectedFindings,
            }),
        };
        File.WriteAllText(Path.Combine(folder, "manifest.json"), JsonSerializer.Serialize(manifest, Json));
        return photos.Count;
    }

    private static object Details(Holder holder) => new
    {
        holder.ChineseName,
        LatinName = holder.LatinName is { } latin ? new { latin.Surname, latin.GivenNames } : null,
        holder.Sex,
        holder.DateOfBirth,
        holder.DocumentNumber,
        holder.Nationality,
        holder.Address,
        holder.Ethnicity,
    };
}
