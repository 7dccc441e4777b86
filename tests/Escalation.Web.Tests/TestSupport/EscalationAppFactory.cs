using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Escalation.Web.Tests.TestSupport;

/// <summary>The real web host on a temporary SQLite file of its own, deleted afterwards.</summary>
public class EscalationAppFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("escalation-web-tests-").FullName;

    public EscalationAppFactory()
        : this(null)
    {
    }

    /// <param name="databasePath">Another host's database file, to share it; by default a new file of this host's own.</param>
    protected EscalationAppFactory(string? databasePath) =>
        DatabasePath = databasePath ?? Path.Combine(_folder, "escalation.db");

    public string DatabasePath { get; }

    public IReadOnlyList<string> ExpectedReadyChecks { get; } = ["database", "policies"];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Escalation", $"Data Source={DatabasePath};Pooling=False");
        builder.UseSetting("Escalation:Mail:PickupDirectory", Path.Combine(_folder, "mail"));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by SQLite's pool is left to the OS temp cleaner.
            }
        }
    }
}
