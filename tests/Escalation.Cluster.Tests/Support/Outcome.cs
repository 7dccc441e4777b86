namespace Escalation.Cluster.Tests.Support;

/// <summary>What a run left behind, checked in the database and in maildev.</summary>
public static class Outcome
{
    /// <summary>
    /// Every seeded escalation moved exactly once: stage 2, one deadline-missed and one escalated entry each and no
    /// other history, its stage-1 deadline fired, stage 1 left at the deadline and stage 2 entered once, stage 2's
    /// reminder and deadline set once, and one outbox row per mail the trimmed policy asks for.
    /// </summary>
    public static async Task AssertEachMovedOnceAsync(DueDeadlines db, int count)
    {
        ArgumentNullException.ThrowIfNull(db);
        Assert.Equal(count, await db.CountAsync("SELECT count(*) FROM escalations WHERE stage = 2 AND highest_stage = 2 AND status = 'Open'"));
        Assert.Equal(count, await db.CountAsync("SELECT count(*) FROM escalations"));
        Assert.Equal(2L * count, await db.CountAsync("SELECT count(*) FROM history"));
        Assert.Equal(count, await db.CountAsync(
            "SELECT count(*) FROM (SELECT escalation_id FROM history GROUP BY escalation_id " +
            "HAVING sum(CASE WHEN type = 'DeadlineMissed' AND stage = 1 THEN 1 ELSE 0 END) = 1 " +
            "AND sum(CASE WHEN type = 'Escalated' AND stage = 2 THEN 1 ELSE 0 END) = 1) once"));
        Assert.Equal(count, await db.CountAsync("SELECT count(*) FROM timers WHERE kind = 'Deadline' AND stage = 1 AND state = 'Fired'"));
        Assert.Equal(2L * count, await db.CountAsync("SELECT count(*) FROM timers WHERE stage = 2 AND state = 'Pending'"));
        // The escalations' timers only: the quarterly report's timer shares the table.
        Assert.Equal(3L * count, await db.CountAsync("SELECT count(*) FROM timers WHERE kind IN ('Reminder', 'Deadline')"));
        Assert.Equal(count, await db.CountAsync(
            "SELECT count(*) FROM stage_records WHERE stage = 1 AND left_how = 'EscalatedAtDeadline'"));
        Assert.Equal(count, await db.CountAsync("SELECT count(*) FROM stage_records WHERE stage = 2 AND left_at IS NULL"));
        Assert.Equal((long)count * ClusterRun.MailsPerDeadline, await db.CountAsync("SELECT count(*) FROM outbox WHERE state = 'Sent'"));
        Assert.Equal((long)count * ClusterRun.MailsPerDeadline, await db.CountAsync("SELECT count(*) FROM outbox"));
    }

    /// <summary>
    /// Compares the outbox with what maildev received, by Message-Id: every outbox row arrived and nothing else did.
    /// With <paramref name="exactlyOnce"/>, each arrived once; otherwise a resend after a crash may repeat one, with
    /// the same Message-Id. Returns how many arrivals were repeats.
    /// </summary>
    public static async Task<int> AssertMailsAsync(DueDeadlines db, Maildev maildev, bool exactlyOnce)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(maildev);
        var outbox = (await db.StringsAsync("SELECT message_id FROM outbox")).ToHashSet(StringComparer.Ordinal);
        await maildev.WaitForMessageIdsAsync(outbox.Count, TimeSpan.FromSeconds(60));
        // maildev parses mails as they come: give any still in flight a moment, so a repeat is not missed.
        await Task.Delay(500);
        var arrived = await maildev.MessageIdsAsync();
        var distinct = arrived.ToHashSet(StringComparer.Ordinal);

        var unknown = distinct.Except(outbox).Take(5).ToList();
        var missing = outbox.Except(distinct).Take(5).ToList();
        Assert.True(unknown.Count == 0, $"maildev received mails the outbox never held: {string.Join(", ", unknown)}");
        Assert.True(missing.Count == 0, $"{outbox.Count - distinct.Count} outbox mails never arrived, e.g. {string.Join(", ", missing)}");
        Assert.Equal(outbox.Count, distinct.Count);
        if (exactlyOnce)
            Assert.Equal(outbox.Count, arrived.Count);
        return arrived.Count - distinct.Count;
    }
}
