using Escalation.Data;
using Escalation.Web.Api;
using Escalation.Web.Health;
using Escalation.Web.Hosting;
using Escalation.Web.Identity;

// The slim builder leaves out what this service never uses (IIS integration, HTTP/3, the debug and event-source
// loggers), which it would otherwise load at every start; HTTPS endpoints in configuration keep working.
var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.UseKestrelHttpsConfiguration();
builder.AddEscalation();

var app = builder.Build();
app.LogStartup();
await app.Services.MigrateEscalationDatabaseAsync();
await app.Services.PrepareAccountsAsync();

app.UseEscalationHardening();
app.UseEscalationUiBeforeSignIn();
app.UseEscalationRateLimits();
app.UseAuthentication();
app.UseAuthorization();
app.MapOpenApi("/openapi/{documentName}.json");
app.MapHealthEndpoints();
app.MapEscalationApi();
app.MapEscalationUi();

await app.RunAsync();

/// <summary>The web host's entry point; public so integration tests can start it.</summary>
public partial class Program;
