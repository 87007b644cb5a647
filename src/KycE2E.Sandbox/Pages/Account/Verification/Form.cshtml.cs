using System.Security.Cryptography;
using KycE2E.Sandbox.Auth;
using KycE2E.Sandbox.Defects;
using KycE2E.Sandbox.Domain;
using KycE2E.Sandbox.Texts;
using KycE2E.Sandbox.Verification;
using KycE2E.Sandbox.Views;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KycE2E.Sandbox.Pages.Account.Verification;

public sealed class FormModel(VerificationViews views, SubmissionService submissions, TextCatalog texts, RequestLocale requestLocale, SandboxDefects defects) : PageModel
{
    public VerificationView View { get; private set; } = null!;

    /// <summary>One key per visit of the form: a double submit of it records one attempt.</summary>
    public string IdempotencyKey { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>The field errors (field → code) of a form posted without the page's script; empty otherwise.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    /// <summary>What was typed in a form posted without the script, shown again beside its errors.</summary>
    public SubmittedForm? Posted { get; private set; }

    /// <summary>Why a form posted without the script was refused as a whole (code and text), if it was.</summary>
    public (string Code, string Title)? Refusal { get; private set; }

    public void OnGet()
    {
        View = views.ForClient(User.UserId());
    }

    /// <summary>
    /// The form as a browser posts it without the page's script (which uploads to /account/verification/attempts instead):
    /// the same submission, answered with the status page when it is accepted, or with this page and its errors in place.
    /// </summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        var (form, error) = await SubmissionHttp.ReadAsync(Request, cancel);
        if (error is not null)
        {
            return new HttpResultAction(error);
        }

        var key = SubmissionHttp.IdempotencyKey(Request, await Request.ReadFormAsync(cancel));
        var outcome = await submissions.SubmitAsync(User.UserId(), form!, key, requireBack: !defects.Has("back-side-not-required-on-portal"), cancel);
        if (outcome is SubmissionOutcome.Accepted)
        {
            return RedirectToPage("Index");
        }

        View = views.ForClient(User.UserId());
        Posted = form;
        if (outcome is SubmissionOutcome.Invalid invalid)
        {
            Errors = invalid.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else
        {
            var (status, code, title) = SubmissionHttp.Refusal(outcome, texts, requestLocale.For(HttpContext));
            Refusal = (code, title);
            Response.StatusCode = status;
        }

        return Page();
    }

    /// <summary>The value a field shows: what was just posted, else the last attempt's (retry pre-fill), else nothing.</summary>
    public string? Value(string field) => Posted is { } f
        ? field switch
        {
            FormField.Region => f.Region?.Trim().ToUpperInvariant(),
            FormField.DocumentType => f.DocumentType?.Trim().ToLowerInvariant(),
            FormField.FullName => f.FullName,
            FormField.DocumentNumber => f.DocumentNumber,
            FormField.DateOfBirth => f.DateOfBirth,
            _ => null,
        }
        : View.Prefill is { } p
            ? field switch
            {
                FormField.Region => p.Region,
                FormField.DocumentType => p.DocumentType,
                FormField.FullName => p.FullName,
                FormField.DocumentNumber => p.DocumentNumber,
                FormField.DateOfBirth => p.DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                _ => null,
            }
            : null;

    /// <summary>An IResult (the shared submission reader's answer) as a page handler's result.</summary>
    private sealed class HttpResultAction(IResult result) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
    }
}
