using System.Globalization;
using KycE2E.Sandbox.Domain;
using KycE2E.Sandbox.Texts;

namespace KycE2E.Sandbox.Verification;

/// <summary>The one HTTP shape of a submission, for the app's API and the portal's form alike.</summary>
public static class SubmissionHttp
{
    public const string IdempotencyHeader = "Idempotency-Key";

    private const string IdempotencyField = "idempotencyKey";

    private static readonly string[] Fields =
    [
        FormField.Region, FormField.DocumentType, FormField.FullName, FormField.DocumentNumber, FormField.DateOfBirth,
        FormField.FrontImage, FormField.BackImage, IdempotencyField,
    ];

    public static async Task<(SubmittedForm? Form, IResult? Error)> ReadAsync(HttpRequest request, CancellationToken cancel)
    {
        if (!request.HasFormContentType)
        {
            return (null, Results.Problem(statusCode: 415, title: "send the form as multipart/form-data"));
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancel);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return (null, Results.Problem(statusCode: 400, title: $"the form could not be read: {e.Message}"));
        }

        // A field sent twice would be read as both values joined by a comma ("Alice,Bob"): refused, naming it.
        if (Fields.FirstOrDefault(f => form[f].Count + form.Files.GetFiles(f).Count > 1) is { } twice)
        {
            return (null, Results.Problem(
                statusCode: 400,
                title: $"the field '{twice}' was sent more than once: send each field once",
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string> { [twice] = "duplicate_field" } }));
        }

        return (new SubmittedForm(
            form[FormField.Region],
            form[FormField.DocumentType],
            form[FormField.FullName],
            form[FormField.DocumentNumber],
            form[FormField.DateOfBirth],
            await PhotoAsync(form.Files.GetFile(FormField.FrontImage), cancel),
            await PhotoAsync(form.Files.GetFile(FormField.BackImage), cancel)), null);
    }

    public static string? IdempotencyKey(HttpRequest request, IFormCollection? form = null)
    {
        var key = request.Headers[IdempotencyHeader].ToString();
        if (key.Length == 0 && form is not null)
        {
            key = form[IdempotencyField].ToString();
        }

        return key.Length is > 0 and <= 100 ? key : null;
    }

    public static IResult ToResult(SubmissionOutcome outcome, TextCatalog texts, string locale) => outcome switch
    {
        SubmissionOutcome.Accepted a => Results.Json(
            new { attemptId = a.Attempt.Id, number = a.Attempt.Number, status = a.Attempt.Status, submittedAt = a.Attempt.SubmittedAt, expectedReviewBy = a.Attempt.DueAt, replayed = a.Replayed },
            statusCode: a.Replayed ? 200 : 202),
        SubmissionOutcome.Invalid i => Results.Json(
            new
            {
                title = texts.Get(locale, "form.fixErrors"),
                status = 400,
                errors = i.Errors,
                messages = i.Errors.ToDictionary(e => e.Key, e => texts.Get(locale, $"error.{e.Value}")),
            },
            statusCode: 400),
        SubmissionOutcome.UploadFailed => Refused(outcome, texts, locale),
        SubmissionOutcome.Locked l => Refused(outcome, texts, locale, ("lockedUntil", l.Until)),
        SubmissionOutcome.NotAllowed n => Refused(outcome, texts, locale, ("verificationStatus", n.Case.Status)),
        _ => throw new InvalidOperationException($"unknown outcome {outcome}"),
    };

    /// <summary>A submission refused as a whole (not for its fields): its HTTP status, its code and what the user is told, for every client.</summary>
    public static (int Status, string Code, string Title) Refusal(SubmissionOutcome outcome, TextCatalog texts, string locale) => outcome switch
    {
        SubmissionOutcome.UploadFailed => (503, "upload_failed", texts.Get(locale, "form.uploadFailed")),
        SubmissionOutcome.Locked l => (429, "attempts_exceeded", texts.Get(locale, "form.locked", l.ShownInUtc ? l.Until.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : DisplayTime.Format(l.Until))),
        SubmissionOutcome.NotAllowed => (409, "not_allowed", texts.Get(locale, "form.notAllowed")),
        _ => throw new InvalidOperationException($"{outcome} is not a refusal"),
    };

    private static IResult Refused(SubmissionOutcome outcome, TextCatalog texts, string locale, params (string Name, object Value)[] extra)
    {
        var (status, code, title) = Refusal(outcome, texts, locale);
        var body = new Dictionary<string, object> { ["title"] = title, ["status"] = status, ["code"] = code };
        foreach (var (name, value) in extra)
        {
            body[name] = value;
        }

        return Results.Json(body, statusCode: status);
    }

    private static async Task<UploadedPhoto?> PhotoAsync(IFormFile? file, CancellationToken cancel)
    {
        if (file is null || file.Length == 0)
        {
            return null;
        }

        // One byte past the limit is enough to refuse it; the rest is never read into memory.
        var take = (int)Math.Min(file.Length, FormValidation.MaxFileBytes + 1L);
        var content = new byte[take];
        await using var stream = file.OpenReadStream();
        await stream.ReadExactlyAsync(content, cancel);
        return new UploadedPhoto(content, Path.GetFileName(file.FileName));
    }
}
