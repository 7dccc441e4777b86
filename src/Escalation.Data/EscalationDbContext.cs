using System.Text;
using Escalation.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Escalation.Data;

/// <summary>The one database: directory and accounts, escalations, their history, timers and the mail outbox.</summary>
public class EscalationDbContext(DbContextOptions options)
    : IdentityDbContext<Person, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<EscalationRecord> Escalations => Set<EscalationRecord>();

    public DbSet<StageRecord> StageRecords => Set<StageRecord>();

    public DbSet<HistoryRecord> History => Set<HistoryRecord>();

    public DbSet<TimerRecord> Timers => Set<TimerRecord>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<Assessment> Assessments => Set<Assessment>();


    public DbSet<AssessmentApproval> AssessmentApprovals => Set<AssessmentApproval>();

    /// <summary>Server-side session entries: the answers of half-finished forms, readable by every copy of the service.</summary>
    public DbSet<SessionEntry> SessionEntries => Set<SessionEntry>();

    /// <summary>The data-protection key ring, shared by every copy of the service (cookies, bearer tokens, anti-forgery).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(EscalationDbContext).Assembly);
        UseSnakeCaseNames(builder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    // Plain lower-case names keep the hand-written SQL of the dispatcher and outbox readable on both providers.
    private static void UseSnakeCaseNames(ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            entity.SetTableName(SnakeCase(entity.GetTableName()!.Replace("AspNet", string.Empty, StringComparison.Ordinal)));
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
            }
        }
    }

    internal static string SnakeCase(string name)
    {
        var result = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0 && !char.IsUpper(name[i - 1]))
            {
                result.Append('_');
            }

            result.Append(char.ToLowerInvariant(name[i]));
        }

        return result.ToString();
    }
}

/// <summary>
/// SQLite cannot compare or order <see cref="DateTimeOffset"/> in SQL, so instants are stored as UTC ticks.
/// </summary>
public sealed class SqliteEscalationDbContext(DbContextOptions<SqliteEscalationDbContext> options) : EscalationDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }

    internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks,
        v => new DateTimeOffset(v, TimeSpan.Zero));
}
