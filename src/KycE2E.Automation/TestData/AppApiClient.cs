using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KycE2E.Automation.Identity;
using KycE2E.Documents;

namespace KycE2E.Automation.TestData;

/// <summary>The public API (/api/v1) as the phone app calls it: for API-level checks and for set-up through real submissions.</summary>
public sealed class AppApiClient(HttpClient http)
{
    public async Task<string> LogInAsync(TestUser user, CancellationToken cancel = default)
    {
        using var response = await http.PostAsJsonAsync(new Uri("api/v1/auth/login", UriKind.Relative), new { email = user.Email, password = user.Password }, cancel);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancel));
        return body.RootElement.GetProperty("token").GetString()!;
    }

    /// <summary>Submits the form with its photos; the answer is returned as it came (status and JSON), never thrown.</summary>
    public async Task<ApiAnswer> SubmitAsync(string token, FormDetails details, DocumentPhoto? front, DocumentPhoto? back, string? idempotencyKey = null, CancellationToken cancel = default)
    {
        using var content = DetailsForm(details);
        AddPhoto(content, "frontImage", front);
        AddPhoto(content, "backImage", back);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/v1/verification/attempts", UriKind.Relative)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await http.SendAsync(request, cancel);
        return new ApiAnswer(response.StatusCode, await response.Content.ReadAsStringAsync(cancel));
    }

    /// <summary>The form's text fields as both clients post them (multipart); callers add the photos they send.</summary>
    public static MultipartFormDataContent DetailsForm(FormDetails details) => new()
    {
        { new StringContent(details.Region), "region" },
        { new StringContent(details.DocumentType), "documentType" },
        { new StringContent(details.FullName), "fullName" },
        { new StringContent(details.DocumentNumber), "documentNumber" },
        { new StringContent(details.DateOfBirthText), "dateOfBirth" },
    };

    private static void AddPhoto(MultipartFormDataContent content, string name, DocumentPhoto? photo)
    {
        if (photo is null)
        {
            return;
        }

        var file = new ByteArrayContent(photo.Bytes.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue(photo.MediaType);
        content.Add(file, name, $"{name}{(photo.Format == PhotoFormat.Jpeg ? ".jpg" : ".png")}");
    }
}

public sealed record ApiAnswer(HttpStatusCode Status, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public override string ToString() => $"{(int)Status} {Body}";
}
