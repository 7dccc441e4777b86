using Escalation.Data.Engine;
using Escalation.Data.Sql;
using Escalation.Data.Writes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Escalation.Data;

public static class DataRegistration
{
    public const string DefaultConnectionString = "Data Source=escalation.db";

    /// <summary>
    /// The database: the EF Core contexts (SQLite or PostgreSQL), the SQL dialect and the directory cache. A <c>PolicyCatalog</c> and a
    /// <see cref="TimeProvider"/> must be registered by the host.
    /// </summary>
    public static IServiceCollection AddEscalationData(this IServiceCollection services, IConfiguration configuration)
    {
        // Both models are compiled ahead of time (CompiledModels/): building one from the entity configurations cost
        // about a third of the service's start-up. After any change to the model, regenerate them (README, "Changing
        // the database model"); CompiledModelTests fails until they match the configurations again.
        // Contexts are pooled: setting up a fresh context's internal services was a tenth of the CPU time of a raise.
        // A pooled context is reset when its request ends, so nothing may keep state on it beyond what EF Core resets.
        var provider = DatabaseProviders.FromConfiguration(configuration);
        var connectionString = configuration.GetConnectionString("Escalation");
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    "ConnectionStrings:Escalation: PostgreSQL needs a connection string, for example " +
                    "'Host=db.example.org;Database=escalation;Username=escalation;Password=...'.");
            }

            services.AddDbContextPool<PostgresEscalationDbContext>(options => options.UseNpgsql(WithAutoPrepare(connectionString))
                .UseModel(CompiledModels.Postgres.PostgresEscalationDbContextModel.Instance));
            services.AddScoped<EscalationDbContext>(sp => sp.GetRequiredService<PostgresEscalationDbContext>());
            services.AddSingleton(SqlDialect.Postgres);
            services.AddSingleton(new DatabaseWrites(sqliteLock: null));
        }
        else
        {
            services.AddDbContextPool<SqliteEscalationDbContext>(options => options.UseSqlite(connectionString ?? DefaultConnectionString)
                .UseModel(CompiledModels.Sqlite.SqliteEscalationDbContextModel.Instance));
            services.AddScoped<EscalationDbContext>(sp => sp.GetRequiredService<SqliteEscalationDbContext>());
            services.AddSingleton(SqlDialect.Sqlite);
            // One writer at a time, queued in this process rather than sleeping in SQLite's busy retries.
            services.AddSingleton(new DatabaseWrites(SqliteWriteLock.For(connectionString ?? DefaultConnectionString)));
        }

        services.AddSingleton<DirectoryCache>();
        services.AddSingleton(Settings(configuration));
        return services;
    }

    private static EngineSettings Settings(IConfiguration configuration)
    {
        var baseUrl = configuration["Escalation:BaseUrl"] ?? "http://localhost:5000";
        var host = Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) ? uri.Host : "localhost";
        var mailbox = configuration["Escalation:Mail:BoardBusinessUnitAddress"];
        if (!string.IsNullOrWhiteSpace(mailbox) && !System.Net.Mail.MailAddress.TryCreate(mailbox.Trim(), out _))
            throw new InvalidOperationException($"Escalation:Mail:BoardBusinessUnitAddress: '{mailbox}' is not an email address.");
        return new EngineSettings(
            MessageIdDomain: host,
            BoardBusinessUnitMailbox: string.IsNullOrWhiteSpace(mailbox)
                ? null
                : new Core.Engine.SharedMailbox(configuration["Escalation:Mail:BoardBusinessUnitName"] ?? "Board business unit", mailbox.Trim()));
    }

    /// <summary>
    /// The dispatcher runs the same few statements thousands of times: unless the operator chose otherwise, Npgsql
    /// prepares any statement used often (on each connection), so PostgreSQL parses and plans it once.
    /// </summary>
    internal static string WithAutoPrepare(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!builder.ContainsKey("Max Auto Prepare"))
            builder.MaxAutoPrepare = 64;
        return builder.ConnectionString;
    }
}
