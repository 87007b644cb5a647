using KycE2E.Sandbox.Api;
using KycE2E.Sandbox.Auth;
using KycE2E.Sandbox.Clock;
using KycE2E.Sandbox.Data;
using KycE2E.Sandbox.Defects;
using KycE2E.Sandbox.Hosting;
using KycE2E.Sandbox.Options;
using KycE2E.Sandbox.TestApi;
using KycE2E.Sandbox.Texts;
using KycE2E.Sandbox.Verification;
using KycE2E.Sandbox.Views;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;

// Content root is the build output, where wwwroot is copied, so the sandbox runs from any working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory,
});

if (SandboxDefects.From(builder.Configuration, out var defectsError) is not { } defects)
{
    await Console.Error.WriteLineAsync($"The sandbox did not start: {defectsError}");
    return 2;
}

builder.Services.AddSingleton(defects);
AllowedHostNames.DefaultToLoopback(builder.Configuration);
builder.Logging.AddConsole(o => o.FormatterName = OneLineLogFormatter.FormatterName).AddConsoleFormatter<OneLineLogFormatter, Microsoft.Extensions.Logging.Console.ConsoleFormatterOptions>();
builder.Services.Configure<SandboxOptions>(builder.Configuration.GetSection(SandboxOptions.Section));
builder.Services.Configure<ReviewOptions>(builder.Configuration.GetSection(ReviewOptions.Section));
builder.Services.AddSingleton(sp => new SandboxClock(TimeProvider.System));
builder.Services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<SandboxClock>());
builder.Services.AddSingleton<SandboxDatabase>();
builder.Services.AddSingleton<UserStore>();
builder.Services.AddSingleton<LoginThrottle>();
builder.Services.AddSingleton<PortalSessionStore>();
builder.Services.AddSingleton<VerificationStore>();
builder.Services.AddSingleton<FaultStore>();
builder.Services.AddSingleton<OutboxStore>();
builder.Services.AddSingleton<ImageStore>();
builder.Services.AddSingleton<ClockState>();
builder.Services.AddSingleton<IUserClockOffsets, UserClockOffsets>();
builder.Services.AddSingleton<UserClock>();
builder.Services.AddSingleton<VerificationViews>();
builder.Services.AddSingleton<SubmissionService>();
builder.Services.AddSingleton<ReviewEngine>();
builder.Services.AddSingleton<ReviewRunner>();
builder.Services.AddHostedService<ReviewWorker>();
builder.Services.AddOpenApi();
builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 2 * (FormValidation.MaxFileBytes + (1 << 20)));
builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false); // says nothing about the server's software
builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = 2 * (FormValidation.MaxFileBytes + (1 << 20)));
builder.Services.AddSingleton<TextCatalog>();
builder.Services.AddSingleton<RequestLocale>();
builder.Services.AddScoped<PageTexts>();
builder.Services.AddHttpContextAccessor();
builder.Services.AddHostedService<ParentProcessWatch>();
var dataDir = Path.GetFullPath(builder.Configuration[$"{SandboxOptions.Section}:{nameof(SandboxOptions.DataDir)}"] ?? new SandboxOptions().DataDir);
// Keys beside the database: cookies survive a restart, and nothing is written outside the data folder.
builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDir, "keys")));
// Large uploads are buffered to disk while they are read: inside the data folder as well, not the machine's temp folder.
Environment.SetEnvironmentVariable("ASPNETCORE_TEMP", Directory.CreateDirectory(Path.Combine(dataDir, "upload-buffer")).FullName);

builder.Services
    .AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(o =>
    {
        o.LoginPath = "/login";
        o.Cookie.Name = "sbx.auth";
        if (defects.Has("login-cookie-scoped-to-account"))
        {
            o.Cookie.Path = "/account";
        }

        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.ExpireTimeSpan = TimeSpan.FromMinutes(builder.Configuration.GetValue($"{SandboxOptions.Section}:{nameof(SandboxOptions.CookieLifetimeMinutes)}", new SandboxOptions().CookieLifetimeMinutes));
        o.TimeProvider = TimeProvider.System; // sessions expire in real time: moving the sandbox clock logs nobody out
    })
    .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
builder.Services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
    .Configure<PortalSessionStore>((o, sessions) => o.SessionStore = sessions); // logout ends the session on the server, not only in the browser
builder.Services.AddAuthorizationBuilder()
    .AddPolicy(BearerTokenHandler.SchemeName, p => p.AddAuthenticationSchemes(BearerTokenHandler.SchemeName).RequireAuthenticatedUser());

builder.Services.AddRazorPages(o =>
{
    o.Conventions.AuthorizeFolder("/Account");
    o.Conventions.AuthorizePage("/Index");
});
builder.Services.AddRouting(o => o.LowercaseUrls = true);
// Unreadable requests (malformed JSON, wrong types) throw, and UseClientErrors answers them with a 400 that says why.
builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddProblemDetails();

var app = builder.Build();
if (defects.Active.Count > 0)
{
    app.Logger.LogWarning("Deliberate defects switched on: {Defects}", string.Join(", ", defects.Active));
}

var sandboxOptions = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SandboxOptions>>().Value;
var urls = (app.Configuration["urls"] ?? "http://localhost:5000").Split(';', StringSplitOptions.RemoveEmptyEntries);
LoopbackGuard.Check(urls, sandboxOptions.TestApiKey);
AllowedHostNames.Report(app.Logger, app.Configuration, urls);
app.Services.GetRequiredService<SandboxDatabase>().CreateSchema();
if (app.Services.GetRequiredService<ImageStore>().RemoveUnreferenced(app.Services.GetRequiredService<VerificationStore>().ImageNames()) is > 0 and var leftovers)
{
    app.Logger.LogWarning("Removed {Count} photo file(s) that no attempt refers to (left by a crash before their submission was recorded, or by a reset)", leftovers);
}

app.Services.GetRequiredService<SandboxClock>().Advance(app.Services.GetRequiredService<ClockState>().Load()); // the sandbox date survives a restart
_ = app.Services.GetRequiredService<TextCatalog>(); // a missing text file stops the start, not a page

app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseClientErrors();
app.UseStatusCodePages();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseRouting();
app.UseTestApiKey();
app.UseAuthentication();
app.UseAuthorization();

app.MapGet("/health", (SandboxDatabase db) => Results.Ok(new { status = "ready", database = Path.GetFileName(db.FilePath) }));
app.MapGet("/app", () => Results.Redirect("/app/"));
app.MapGet("/api/v1/client-config", (SandboxDefects active) => Results.Ok(new { defects = active.Active }));
app.MapOpenApi();
app.MapPublicApi();
app.MapPortalEndpoints();
app.MapTestDataApi();
app.MapRazorPages();

app.Run();
return 0;
