using Escalation.Data;
using Escalation.Web.Health;
using Escalation.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddEscalation();

var app = builder.Build();
app.LogStartup();
await app.Services.MigrateEscalationDatabaseAsync();
app.MapOpenApi("/openapi/{documentName}.json");
app.MapHealthEndpoints();

await app.RunAsync();

/// <summary>The web host's entry point; public so integration tests can start it.</summary>
public partial class Program;
