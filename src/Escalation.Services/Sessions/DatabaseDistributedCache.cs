using Escalation.Data;
using Escalation.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;

namespace Escalation.Services.Sessions;

/// <summary>
/// The session store behind ASP.NET Core's session middleware, in the service's own database (SQLite or PostgreSQL).
/// An in-memory store would tie a half-finished form to one copy of the service and lose it at a restart.
/// Expired entries are never returned, and are deleted now and then.
/// </summary>
public sealed class DatabaseDistributedCache(IServiceScopeFactory scopes, TimeProvider clock) : IDistributedCache
{
    private static readonly TimeSpan DefaultSliding = TimeSpan.FromMinutes(20);
    private static readonly TimeSpan PurgeEvery = TimeSpan.FromMinutes(10);
    private long _nextPurgeTicks;

    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default) => (await ReadAndSlideAsync(key, token))?.Value;

    public void Refresh(string key) => RefreshAsync(key).GetAwaiter().GetResult();

    public Task RefreshAsync(string key, CancellationToken token = default) => ReadAndSlideAsync(key, token);

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public async Task RemoveAsync(string key, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EscalationDbContext>();
        await db.Set<SessionEntry>().Where(e => e.Key == key).ExecuteDeleteAsync(token);
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        var now = clock.GetUtcNow();
        var absolute = options.AbsoluteExpiration ?? (now + options.AbsoluteExpirationRelativeToNow);
        var sliding = options.SlidingExpiration ?? (absolute is null ? DefaultSliding : null);
        var expires = ExpiresAt(now, sliding, absolute);
        var slidingSeconds = sliding is { } s ? (long)s.TotalSeconds : (long?)null;

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EscalationDbContext>();
        await PurgeExpiredNowAndThenAsync(db, now, token);
        for (var attempt = 0; ; attempt++)
        {
            var updated = await db.Set<SessionEntry>().Where(e => e.Key == key).ExecuteUpdateAsync(set => set
                .SetProperty(e => e.Value, value)
                .SetProperty(e => e.ExpiresAt, expires)
                .SetProperty(e => e.SlidingSeconds, slidingSeconds)
                .SetProperty(e => e.AbsoluteExpiresAt, absolute), token);
            if (updated > 0)
                return;

            db.Set<SessionEntry>().Add(new SessionEntry
            {
                Key = key, Value = value, ExpiresAt = expires, SlidingSeconds = slidingSeconds, AbsoluteExpiresAt = absolute,
            });
            try
            {
                await db.SaveChangesAsync(token);
                return;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Another request inserted the same key first: update it instead.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>The entry if it has not expired, its sliding window moved on from now.</summary>
    private async Task<SessionEntry?> ReadAndSlideAsync(string key, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EscalationDbContext>();
        var entry = await db.Set<SessionEntry>().AsNoTracking().FirstOrDefaultAsync(e => e.Key == key, token);
        if (entry is null || entry.ExpiresAt <= now)
            return null;

        await SlideAsync(db, entry, now, token);
        return entry;
    }

    private static DateTimeOffset ExpiresAt(DateTimeOffset now, TimeSpan? sliding, DateTimeOffset? absolute)
    {
        var expires = sliding is { } s ? now + s : absolute!.Value;
        return absolute is { } a && a < expires ? a : expires;
    }

    private static async Task SlideAsync(EscalationDbContext db, SessionEntry entry, DateTimeOffset now, CancellationToken token)
    {
        if (entry.SlidingSeconds is not { } seconds)
            return;
        var expires = ExpiresAt(now, TimeSpan.FromSeconds(seconds), entry.AbsoluteExpiresAt);
        await db.Set<SessionEntry>().Where(e => e.Key == entry.Key).ExecuteUpdateAsync(set => set.SetProperty(e => e.ExpiresAt, expires), token);
    }

    private async Task PurgeExpiredNowAndThenAsync(EscalationDbContext db, DateTimeOffset now, CancellationToken token)
    {
        var next = Interlocked.Read(ref _nextPurgeTicks);
        if (now.UtcTicks < next || Interlocked.CompareExchange(ref _nextPurgeTicks, (now + PurgeEvery).UtcTicks, next) != next)
            return;
        await db.Set<SessionEntry>().Where(e => e.ExpiresAt <= now).ExecuteDeleteAsync(token);
    }
}
