using Escalation.Data;
using Escalation.Web.Api;
using Escalation.Web.Health;
using Escalation.Web.Hosting;
using Escalation.Web.Identity;

var builder = WebApplication.CreateBuilder(args);
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
