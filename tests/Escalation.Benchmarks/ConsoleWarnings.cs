using Microsoft.Extensions.Logging;

namespace Escalation.Benchmarks;

/// <summary>Prints the engine's warnings and errors (with their exceptions' first line) to the console, counting them.</summary>
internal sealed class ConsoleWarnings : ILoggerProvider
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(ConsoleWarnings owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
                return;
            if (Interlocked.Increment(ref owner._count) <= 5)
            {
                var first = exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message.Split('\n')[0]})";
                Console.WriteLine($"{logLevel} {category}: {formatter(state, exception)}{first}");
            }
        }
    }
}
