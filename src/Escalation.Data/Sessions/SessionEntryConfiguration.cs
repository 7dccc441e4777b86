using Escalation.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Escalation.Data.Sessions;

internal sealed class SessionEntryConfiguration : IEntityTypeConfiguration<SessionEntry>
{
    public void Configure(EntityTypeBuilder<SessionEntry> builder)
    {
        builder.ToTable("session_entries");
        builder.HasKey(e => e.Key);
        builder.Property(e => e.Key).HasMaxLength(200);
        builder.HasIndex(e => e.ExpiresAt);
    }
}
