using System.Diagnostics;
using System.Globalization;
using KycE2E.Documents;

namespace KycE2E.DocumentsCli;

/// <summary>Times rendering and analysis (median of several warm runs) and prints each variant's measured values as Markdown.</summary>
internal static class Measurement
{
    private const int Runs = 7;

    public static void Run(int seed, DateOnly on, TextWriter output)
    {
        var factory = new HolderFactory(seed);
        var card = factory.ValidDocument(factory.Adult(on, DocumentType.ChineseIdCardFront), DocumentType.ChineseIdCardFront, on);
        var passport = factory.ValidDocument(factory.Adult(on, DocumentType.PassportDataPage), DocumentType.PassportDataPage, on);
        var culture = CultureInfo.InvariantCulture;

        output.WriteLine(string.Create(culture, $"Seed {seed}, {Environment.ProcessorCount} cores, medians of {Runs} warm runs."));
        output.WriteLine();
        output.WriteLine("| document | variant | size | sharpness | glare | markers | colourfulness | code | findings | photo ms | analyse ms |");
        output.WriteLine("|---|---|---|---:|---:|---:|---:|---|---|---:|---:|");
        var renders = new List<string>();
        foreach (var document in new[] { card, card.OtherSide(), passport })
        {
            renders.Add(string.Create(culture, $"{document.Type}: render {Median(() => DocumentRenderer.RenderPng(document)):F0} ms"));
            foreach (var variant in PhotoStudio.Variants)
            {
                DocumentPhoto? photo = null;
                var photoMs = Median(() => photo = PhotoStudio.Photograph(document, variant, seed));
                var analysis = DocumentAnalyzer.Analyze(photo!.Bytes.Span);
                var analyseMs = Median(() => DocumentAnalyzer.Analyze(photo.Bytes.Span));
                var code = analysis.Code is null ? "unreadable" : analysis.Code == DocumentCode.Of(document) ? "read" : "WRONG";
                output.WriteLine(string.Create(culture,
                    $"| {document.Type} | {variant} | {analysis.Width}×{analysis.Height} | {analysis.Sharpness:F0} | {analysis.GlareShare:P1} | {analysis.CornerMarkers} | {analysis.Colourfulness:F1} | {code} | {string.Join(", ", analysis.Findings)} | {photoMs:F0} | {analyseMs:F0} |"));
            }
        }

        output.WriteLine();
        foreach (var line in renders)
        {
            output.WriteLine(line);
        }
    }

    private static double Median(Action action)
    {
        action();
        var times = new double[Runs];
        for (var i = 0; i < Runs; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            times[i] = clock.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return times[Runs / 2];
    }
}
