using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace KycE2E.Sandbox.Hosting;

/// <summary>
/// The sandbox's console log: one line per entry, "info: Category[event] message". Only errors (the sandbox's own faults)
/// carry their exception's stack trace; below error level (a client's mistake such as a missing antiforgery token, a
/// dropped connection) the exception is named in the same line, so that no request can flood the log with traces.
/// </summary>
public sealed class OneLineLogFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "sandbox-one-line";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        var exception = logEntry.Exception;
        if (string.IsNullOrEmpty(message) && exception is null)
        {
            return;
        }

        textWriter.Write($"{Level(logEntry.LogLevel)}: {logEntry.Category}[{logEntry.EventId.Id}] {OneLine(message)}");
        if (exception is not null && logEntry.LogLevel >= LogLevel.Error)
        {
            textWriter.Write(Environment.NewLine + exception);
        }
        else if (exception is not null)
        {
            textWriter.Write($" ({exception.GetType().Name}: {OneLine(exception.Message)})");
        }

        textWriter.Write(Environment.NewLine);
    }

    private static string OneLine(string? text) => (text ?? "").ReplaceLineEndings(" ");

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };
}
