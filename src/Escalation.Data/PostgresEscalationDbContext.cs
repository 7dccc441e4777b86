using Microsoft.EntityFrameworkCore;

namespace Escalation.Data;

/// <summary>
/// PostgreSQL, for several copies of the service on one database. Npgsql stores ids as native <c>uuid</c> and instants
/// as <c>timestamptz</c> (always written in UTC), so no conversion is needed; its own migrations live in Migrations/Postgres.
/// </summary>
public sealed class PostgresEscalationDbContext(DbContextOptions<PostgresEscalationDbContext> options) : EscalationDbContext(options);
