using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using KycE2E.Automation.Identity;
using KycE2E.Automation.TestData;
using KycE2E.Documents;
using SkiaSharp;

namespace KycE2E.IntegrationTests.Sandbox;

/// <summary>
/// Random and mutated uploads (fixed seed; 2000 here, KYCE2E_FUZZ_CASES for the full run of `./e2e bench`) through POST /api/v1/verification/attempts: each gets a clear 4xx, or a 202
/// only for an image that really decodes; never a 5xx. Afterwards the sandbox is healthy, its reviews of what it accepted
/// run, nothing was written outside its data folder, and its peak memory stayed within budget.
/// </summary>
[NonParallelizable] // its sandbox starts with settings
public sealed class HardeningUploadFuzzTests : SandboxTests
{
    private static readonly int Cases = CountFromEnvironment("KYCE2E_FUZZ_CASES", 2000);
    private const int Seed = 20_261_126;
    private const int Workers = 4;
    private const long PeakMemoryBudgetMb = 400;
    private const string EscapeMarker = "kyce2e-fuzz-escape";
    private const string ValidPhoto = "valid photo, hostile file name";
    private const int ReviewSample = 25;

    private static readonly string[] FileNames =
    [
        "front.jpg", $"../../../../tmp/{EscapeMarker}.jpg", $"..\\..\\..\\{EscapeMarker}.png", $"/etc/{EscapeMarker}", $"a\0b{EscapeMarker}.jpg",
        $"%2e%2e%2f%2e%2e%2f{EscapeMarker}.jpg", $"{EscapeMarker}.php.jpg", "照片 évidence.jpg", "", new string('n', 1000) + ".jpg",
        $"C:\\Windows\\{EscapeMarker}.jpg", $"{EscapeMarker}.svg", "CON", ".htaccess",
    ];

    private static readonly byte[][] ForeignMagic =
    [
        "GIF89a"u8.ToArray(), "%PDF-1.7"u8.ToArray(), "BM"u8.ToArray(), "RIFF"u8.ToArray(), "PK\u0003\u0004"u8.ToArray(),
        [0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50], "<svg"u8.ToArray(), [0xFF, 0xD8, 0x00], [0x89, 0x50, 0x4E, 0x47],
    ];

    private enum Expect
    {
        Refused,
        RefusedUnlessItDecodes,
    }

    private sealed record FuzzCase(int Number, string Kind, byte[] Content, string FileName, Expect Expect);

    /// <summary>
    /// No accepted photo's review falls due by itself (after 2 minutes by default) while a slow fuzz still runs: the test reviews
    /// its sample itself and counts each review, which the background worker must not have done first.
    /// </summary>
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Sandbox__Review__DelayMinutes"] = "1440",
    };

    private byte[] _jpeg = [];
    private byte[] _png = [];
    private FormDetails _details = null!;

    [OneTimeSetUp]
    public void PhotographADocument()
    {
        var identity = TestIdentity.Adult(Today);
        _details = identity.Details;
        _jpeg = PhotoStudio.Photograph(identity.Document, PhotoVariant.Clear, Seed, PhotoFormat.Jpeg).Bytes.ToArray();
        _png = PhotoStudio.Photograph(identity.Document, PhotoVariant.Clear, Seed, PhotoFormat.Png).Bytes.ToArray();
    }

    [Test]
    public async Task Random_and_mutated_uploads_get_a_clear_4xx_never_a_5xx_and_the_sandbox_stays_healthy_within_its_memory()
    {
        var outside = FilesOutsideTheDataFolder();
        var submitters = new ConcurrentQueue<(string UserId, string Token)>();
        for (var i = 0; i < Workers; i++)
        {
            submitters.Enqueue(await SubmitterAsync());
        }

        var answers = new ConcurrentDictionary<int, (FuzzCase Case, HttpStatusCode Status, string Body, string UserId)>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, Cases), new ParallelOptions { MaxDegreeOfParallelism = Workers }, async (n, cancel) =>
        {
            var fuzz = Make(n);
            submitters.TryDequeue(out var submitter);
            var (status, body) = await SubmitAsync(submitter.Token, fuzz);
            answers[n] = (fuzz, status, body, submitter.UserId);
            // An accepted submission makes the case pending; the next one needs a user who may submit.
            submitters.Enqueue(status == HttpStatusCode.Accepted ? await SubmitterAsync() : submitter);
        });
        clock.Stop();

        var byKind = answers.Values.GroupBy(a => $"{a.Case.Kind} → {(int)a.Status} {Code(a.Body)}").OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}");
        var peakMb = Sandbox.PeakResidentMegabytes();
        TestContext.Out.WriteLine($"{Cases} cases in {clock.Elapsed.TotalSeconds:0.0} s with {Workers} workers; sandbox peak RSS (VmHWM) {peakMb} MB\n{string.Join('\n', byKind)}");

        answers.Values.Where(a => (int)a.Status >= 500).Should().BeEmpty("no upload may crash the request");
        foreach (var (fuzz, status, body, _) in answers.Values.OrderBy(a => a.Case.Number))
        {
            var what = $"case {fuzz.Number} ({fuzz.Kind}, {fuzz.Content.Length} bytes): {(int)status} {body}";
            if (status == HttpStatusCode.Accepted)
            {
                fuzz.Expect.Should().Be(Expect.RefusedUnlessItDecodes, what);
                DecodesCompletely(fuzz.Content).Should().BeTrue("only a genuinely valid image is accepted: " + what);
            }
            else
            {
                status.Should().Be(HttpStatusCode.BadRequest, what);
                body.Should().Contain("\"frontImage\":\"", what);
            }
        }

        // Reviews run one at a time (~0.1 s each): a sample of the damaged-but-decodable photos that were accepted.
        var damaged = answers.Values.Where(a => a.Status == HttpStatusCode.Accepted && a.Case.Kind != ValidPhoto).OrderBy(a => a.Case.Number).Take(ReviewSample).ToList();
        foreach (var (fuzz, _, _, userId) in damaged)
        {
            (await Sandbox.TestData.RunReviewsAsync(userId)).Should().Be(1, $"the accepted photo of case {fuzz.Number} ({fuzz.Kind}) is reviewed without failing");
        }

        TestContext.Out.WriteLine($"{damaged.Count} accepted damaged photos reviewed");
        using (var health = await Sandbox.Http.GetAsync(new Uri("health", UriKind.Relative)))
        {
            health.StatusCode.Should().Be(HttpStatusCode.OK, "the sandbox is alive and ready after the fuzz");
        }

        FilesOutsideTheDataFolder().Should().Equal(outside, "nothing is written beside the data folder");
        Directory.EnumerateFileSystemEntries(Path.GetTempPath(), $"*{EscapeMarker}*", SearchOption.TopDirectoryOnly).Should().BeEmpty();
        Directory.EnumerateFiles(Path.GetDirectoryName(Sandbox.Dir)!, $"*{EscapeMarker}*", SearchOption.TopDirectoryOnly).Should().BeEmpty();
        var data = Path.Combine(Sandbox.Dir, "sandbox");
        Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories).Should().NotContain(f => f.Contains(EscapeMarker, StringComparison.Ordinal));
        Directory.EnumerateFiles(Path.Combine(data, "images")).Select(Path.GetFileName).Should().AllSatisfy(f => f.Should().MatchRegex("^[0-9a-f]{32}\\.(jpg|png)$"));
        Directory.EnumerateFiles(Path.Combine(data, "upload-buffer")).Should().BeEmpty("buffered uploads are removed after each request");

        peakMb.Should().BeLessThan(PeakMemoryBudgetMb);
    }

    private static string Code(string body) =>
        System.Text.RegularExpressions.Regex.Match(body, "\"frontImage\":\"(?<code>[a-z_]+)\"") is { Success: true } m ? m.Groups["code"].Value : "";

    private async Task<(string UserId, string Token)> SubmitterAsync()
    {
        var (user, token) = await Sandbox.RejectedUserAsync();
        return (user.UserId, token);
    }

    private FuzzCase Make(int n)
    {
        var random = new Random(Seed + n);
        var name = FileNames[random.Next(FileNames.Length)];
        var image = random.Next(2) == 0 ? _jpeg : _png;
        var kind = n % 13;
        return kind switch
        {
            0 => new(n, "random bytes", Bytes(random, random.Next(1, 64 * 1024)), name, Expect.Refused),
            1 => new(n, "jpeg magic + random", [0xFF, 0xD8, 0xFF, 0xE0, .. Bytes(random, random.Next(0, 64 * 1024))], name, Expect.Refused),
            2 => new(n, "png magic + random", [.. _png.AsSpan(0, 8), .. Bytes(random, random.Next(0, 64 * 1024))], name, Expect.Refused),
            3 => new(n, "truncated jpeg", _jpeg[..(int)(_jpeg.Length * (0.02 + (0.88 * random.NextDouble())))], name, Expect.Refused),
            4 => new(n, "truncated png", _png[..(int)(_png.Length * (0.02 + (0.88 * random.NextDouble())))], name, Expect.Refused),
            5 => new(n, "bytes changed", Mutate(random, image), name, Expect.RefusedUnlessItDecodes),
            6 => new(n, "foreign magic", [.. ForeignMagic[random.Next(ForeignMagic.Length)], .. image.AsSpan(8)], name, Expect.Refused),
            7 => new(n, "png declaring a size", DeclaredPng(random), name, Expect.Refused),
            8 => new(n, "polyglot", Polyglot(random, image, out var valid), name, valid ? Expect.RefusedUnlessItDecodes : Expect.Refused),
            9 => new(n, "svg with script", Encoding.UTF8.GetBytes($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\" height=\"800\"><script>alert({n})</script></svg>"), name, Expect.Refused),
            10 => new(n, "empty", [], name, Expect.Refused),
            11 when n % 143 == 11 => new(n, "10 MB + 1", Oversized(image), name, Expect.Refused),
            11 => new(n, "bytes changed in the header", Mutate(random, image, headerOnly: true), name, Expect.RefusedUnlessItDecodes),
            _ => new(n, ValidPhoto, image, name, Expect.RefusedUnlessItDecodes),
        };
    }

    private static byte[] Bytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Mutate(Random random, byte[] image, bool headerOnly = false)
    {
        var copy = (byte[])image.Clone();
        var changes = random.Next(1, 21);
        for (var i = 0; i < changes; i++)
        {
            copy[headerOnly ? random.Next(2, 200) : random.Next(64, copy.Length)] = (byte)random.Next(256);
        }

        return copy;
    }

    private static byte[] Oversized(byte[] image)
    {
        var bytes = new byte[(10 * 1024 * 1024) + 1];
        image.CopyTo(bytes, 0);
        return bytes;
    }

    private byte[] Polyglot(Random random, byte[] image, out bool valid)
    {
        var payloads = new[] { "<html><script>alert(document.cookie)</script></html>", "<?php system($_GET['c']); ?>", "PK\u0003\u0004evil.zip" };
        var payload = Encoding.UTF8.GetBytes(payloads[random.Next(payloads.Length)]);
        switch (random.Next(3))
        {
            case 0:
                valid = true;
                return [.. image, .. payload]; // an image with a script or archive after its end
            case 1:
                valid = false;
                return [.. "GIF89a/*"u8, .. payload, .. "*/"u8, .. image];
            default:
                valid = false;
                return [.. _png.AsSpan(0, 8), .. payload];
        }
    }

    /// <summary>A well-formed PNG header (with its CRC) declaring a size, followed by a tiny IDAT that cannot fill it.</summary>
    private static byte[] DeclaredPng(Random random)
    {
        (int W, int H)[] sizes = [(20_000, 20_000), (5_001, 5_000), (12_001, 400), (0, 0), (1, 1), (600, 380), (65_535, 65_535), (int.MaxValue, 1)];
        var (w, h) = sizes[random.Next(sizes.Length)];
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, w);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), h);
        header[8] = 8; // bit depth
        header[9] = 2; // RGB
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", [0x78, 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01]);
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        var crc = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(length);
        png.Write(typed);
        png.Write(crc);
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    /// <summary>The test's own judgement, independent of the sandbox's: the whole image decodes and is big enough.</summary>
    private static bool DecodesCompletely(byte[] content)
    {
        using var codec = SKCodec.Create(SKData.CreateCopy(content));
        if (codec is null || codec.Info.Width < 380 || codec.Info.Height < 380)
        {
            return false;
        }

        using var bitmap = new SKBitmap(new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        return codec.GetPixels(bitmap.Info, bitmap.GetPixels()) == SKCodecResult.Success;
    }

    private async Task<(HttpStatusCode Status, string Body)> SubmitAsync(string token, FuzzCase fuzz)
    {
        using var form = AppApiClient.DetailsForm(_details);
        var file = new ByteArrayContent(fuzz.Content);
        // Written raw, so names with quotes, backslashes and NUL reach the server as they are.
        file.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"frontImage\"; filename=\"{fuzz.FileName}\"");
        file.Headers.TryAddWithoutValidation("Content-Type", fuzz.Number % 2 == 0 ? "image/jpeg" : "application/octet-stream");
        form.Add(file);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/v1/verification/attempts", UriKind.Relative)) { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Sandbox.Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private List<string> FilesOutsideTheDataFolder()
    {
        var data = Path.Combine(Sandbox.Dir, "sandbox") + Path.DirectorySeparatorChar;
        return [.. Directory.EnumerateFiles(Sandbox.Dir, "*", SearchOption.AllDirectories).Where(f => !f.StartsWith(data, StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
    }
}
