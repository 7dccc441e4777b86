namespace Escalation.Benchmarks;

/// <summary>P1 on PostgreSQL, postgres [--count 50000]: see the class body.</summary>
internal static class PostgresBenchmark
{
    public static Task<int> RunAsync(string[] args)
    {
        _ = new Args(args).Int("--count", 50_000);
        Console.WriteLine("PostgreSQL: skipped: not measured yet");
        return Task.FromResult(0);
    }
}
