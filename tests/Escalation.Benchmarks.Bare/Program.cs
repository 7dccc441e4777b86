using System.Text.Json;
using Microsoft.Data.Sqlite;

// The bare baseline: POST /api/escalations reads the JSON body and inserts one row into a SQLite file (WAL, as the
// service runs it); GET /health/ready asks the database for one value. No authentication, no engine, no outbox.
// Configuration: ConnectionStrings:Escalation (default Data Source=bare.db), --urls as for any ASP.NET Core app.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var connectionString = builder.Configuration.GetConnectionString("Escalation") ?? "Data Source=bare.db";
using (var connection = new SqliteConnection(connectionString))
{
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS escalations " +
        "(id TEXT PRIMARY KEY, child_reference TEXT NOT NULL, body TEXT NOT NULL, raised_at INTEGER NOT NULL)";
    command.ExecuteNonQuery();
}

var app = builder.Build();
var clock = TimeProvider.System;

app.MapGet("/health/ready", async () =>
{
    await using var connection = new SqliteConnection(connectionString);
    await connection.OpenAsync();
    await using var command = connection.CreateCommand();
    command.CommandText = "SELECT 1";
    await command.ExecuteScalarAsync();
    return Results.Ok("Healthy");
});

app.MapPost("/api/escalations", async (HttpRequest request) =>
{
    using var body = await JsonDocument.ParseAsync(request.Body);
    var childReference = body.RootElement.TryGetProperty("childReference", out var child) ? child.GetString() ?? "" : "";
    var id = Guid.CreateVersion7(clock.GetUtcNow());
    await using var connection = new SqliteConnection(connectionString);
    await connection.OpenAsync();
    await using var command = connection.CreateCommand();
    command.CommandText = "INSERT INTO escalations (id, child_reference, body, raised_at) VALUES (@id, @child, @body, @at)";
    command.Parameters.AddWithValue("@id", id.ToString("D"));
    command.Parameters.AddWithValue("@child", childReference);
    command.Parameters.AddWithValue("@body", body.RootElement.GetRawText());
    command.Parameters.AddWithValue("@at", clock.GetUtcNow().UtcTicks);
    await command.ExecuteNonQueryAsync();
    return Results.Created($"/api/escalations/{id}", new { id, childReference });
});

await app.RunAsync();
