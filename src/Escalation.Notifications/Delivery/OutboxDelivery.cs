using Escalation.Core.Policies;
using Escalation.Data;
using Escalation.Data.Engine;
using Escalation.Data.Sql;
using Escalation.Data.Writes;
using Escalation.Notifications.Templates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Escalation.Notifications.Delivery;

/// <summary>What one batch did.</summary>
public sealed record DeliveryResult(int Claimed, int Sent, int Retried, int Parked)
{
    public static readonly DeliveryResult None = new(0, 0, 0, 0);
}

/// <summary>
/// Sends due outbox mail: claims a batch under a lease, renders it, sends it over one connection, and marks each row
/// sent as soon as it has gone. A failed mail is retried with back-off and parked after the last attempt; a relay
/// that cannot be reached fails the batch gracefully, and those mails wait for the next try without being parked.
/// </summary>
public sealed partial class OutboxDelivery
{
    private readonly OutboxStore _store;
    private readonly MailFactsLoader _loader;
    private readonly EmailRenderer _renderer;
    private readonly MailComposer _composer;
    private readonly IMailTransport _transport;
    private readonly RetrySchedule _retries;
    private readonly TimeProvider _clock;
    private readonly DeliveryOptions _options;
    private readonly string? _secret;
    private readonly ILogger<OutboxDelivery> _logger;

    public OutboxDelivery(EscalationDbContext db, SqlDialect sql, DatabaseWrites writes, OutboxNode node, PolicyCatalog catalog, DirectoryCache directory, EmailRenderer renderer,
        MailComposer composer, IMailTransport transport, RetrySchedule retries, TimeProvider clock,
        IOptions<DeliveryOptions> options, IOptions<SmtpOptions> smtp, ILogger<OutboxDelivery> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(smtp);
        _store = new OutboxStore(db, sql, node, writes);
        _loader = new MailFactsLoader(db, catalog, directory);
        _renderer = renderer;
        _composer = composer;
        _transport = transport;
        _retries = retries;
        _clock = clock;
        _options = options.Value;
        _secret = string.IsNullOrEmpty(smtp.Value.Password) ? null : smtp.Value.Password;
        _logger = logger;
    }

    /// <summary>Sends up to <paramref name="batchSize"/> due mails. Never throws for a mail or relay failure; database failures propagate.</summary>
    public async Task<DeliveryResult> DeliverDueAsync(int batchSize, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var claimed = await _store.ClaimAsync(_clock.GetUtcNow(), _options.LeaseDuration, batchSize, ct);
        if (claimed.Count == 0)
            return DeliveryResult.None;

        var tally = new Tally();
        var ready = await ComposeAsync(claimed, tally, ct);
        if (ready.Count > 0)
            await SendAsync(ready, tally, ct);
        return new DeliveryResult(claimed.Count, tally.Sent, tally.Retried, tally.Parked);
    }

    private async Task<List<(ClaimedMail Mail, MimeMessage Message)>> ComposeAsync(IReadOnlyList<ClaimedMail> claimed, Tally tally,
        CancellationToken ct)
    {
        var facts = await _loader.LoadAsync(claimed, ct);
        var ready = new List<(ClaimedMail, MimeMessage)>(claimed.Count);
        foreach (var mail in claimed)
        {
            try
            {
                if (!facts.TryGetValue(mail.Id, out var mailFacts))
                    throw new InvalidOperationException($"Escalation {mail.EscalationId} no longer exists.");
                ready.Add((mail, _composer.Compose(mail, _renderer.Render(mailFacts))));
            }
            catch (EmailTemplateException ex)
            {
                await FailAsync(mail, MailFailure.Temporary, ex, tally, ct);
            }
            catch (Exception ex) when (ex is InvalidOperationException or ParseException or ArgumentException)
            {
                // Missing data or an unusable address: no later attempt can do better.
                await FailAsync(mail, MailFailure.Rejected, ex, tally, ct);
            }
        }

        return ready;
    }

    private async Task SendAsync(List<(ClaimedMail Mail, MimeMessage Message)> ready, Tally tally, CancellationToken ct)
    {
        try
        {
            await _transport.ConnectAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRelayUnavailable(_logger, ready.Count, Describe(ex));
            foreach (var (mail, _) in ready)
                await FailAsync(mail, MailFailure.Unavailable, ex, tally, ct);
            return;
        }

        try
        {
            for (var i = 0; i < ready.Count; i++)
            {
                var (mail, message) = ready[i];
                if (_clock.GetUtcNow() >= mail.LeaseUntil)
                {
                    // The claim ran out mid-batch: another node may have these now. Leave them to whoever claims them next.
                    LogLeaseExpired(_logger, ready.Count - i);
                    break;
                }

                try
                {
                    await _transport.SendAsync(message, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    var failure = ex is MailTransportException transportFailure ? transportFailure.Failure : MailFailure.Temporary;
                    if (failure != MailFailure.Unavailable)
                    {
                        await FailAsync(mail, failure, ex, tally, ct);
                        continue;
                    }

                    LogRelayUnavailable(_logger, ready.Count - i, Describe(ex));
                    foreach (var (rest, _) in ready.Skip(i))
                        await FailAsync(rest, MailFailure.Unavailable, ex, tally, ct);
                    break;
                }

                if (await _store.MarkSentAsync(mail.Id, _clock.GetUtcNow(), ct))
                {
                    tally.Sent++;
                    LogSent(_logger, mail.Id, mail.MessageId, mail.TemplateKey);
                }
                else
                {
                    LogLeaseLost(_logger, mail.Id, mail.MessageId);
                }
            }
        }
        finally
        {
            await _transport.DisconnectAsync(CancellationToken.None);
        }
    }

    private async Task FailAsync(ClaimedMail mail, MailFailure failure, Exception error, Tally tally, CancellationToken ct)
    {
        var attempts = mail.Attempts + 1;
        var reason = Describe(error);
        // An outage says nothing about the mail itself, so it never parks one: the mail waits, at most MaxDelay apart, until the relay is back.
        var park = failure == MailFailure.Rejected || (failure == MailFailure.Temporary && attempts >= _options.MaxAttempts);
        if (park)
        {
            if (await _store.ParkAsync(mail.Id, attempts, reason, ct))
            {
                tally.Parked++;
                LogParked(_logger, mail.Id, mail.MessageId, mail.TemplateKey, attempts, reason);
            }

            return;
        }

        var next = _clock.GetUtcNow() + _retries.DelayAfter(attempts);
        if (await _store.ScheduleRetryAsync(mail.Id, attempts, next, reason, ct))
        {
            tally.Retried++;
            LogRetry(_logger, mail.Id, mail.MessageId, mail.TemplateKey, attempts, next, reason);
        }
    }

    /// <summary>The error as an administrator sees it: type and message, never a password, at most 1,000 characters.</summary>
    private string Describe(Exception error)
    {
        var text = error is MailTransportException or EmailTemplateException ? error.Message : $"{error.GetType().Name}: {error.Message}";
        if (_secret is not null)
            text = text.Replace(_secret, "***", StringComparison.Ordinal);
        return text.Length <= 1000 ? text : text[..1000];
    }

    private sealed class Tally
    {
        public int Sent { get; set; }

        public int Retried { get; set; }

        public int Parked { get; set; }
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Debug, Message = "Sent mail {OutboxId} ({MessageId}, {TemplateKey})")]
    private static partial void LogSent(ILogger logger, Guid outboxId, string messageId, string templateKey);

    [LoggerMessage(EventId = 41, Level = LogLevel.Warning,
        Message = "Mail {OutboxId} ({MessageId}, {TemplateKey}) failed on attempt {Attempts}; next try at {NextAttemptAt}: {Error}")]
    private static partial void LogRetry(ILogger logger, Guid outboxId, string messageId, string templateKey, int attempts,
        DateTimeOffset nextAttemptAt, string error);

    [LoggerMessage(EventId = 42, Level = LogLevel.Error,
        Message = "Mail {OutboxId} ({MessageId}, {TemplateKey}) parked as failed after {Attempts} attempt(s): {Error}")]
    private static partial void LogParked(ILogger logger, Guid outboxId, string messageId, string templateKey, int attempts, string error);

    [LoggerMessage(EventId = 43, Level = LogLevel.Warning, Message = "Mail relay unavailable; {Count} mail(s) will be retried later: {Error}")]
    private static partial void LogRelayUnavailable(ILogger logger, int count, string error);

    [LoggerMessage(EventId = 44, Level = LogLevel.Warning, Message = "Mail lease ran out mid-batch; {Count} mail(s) left for the next claim")]
    private static partial void LogLeaseExpired(ILogger logger, int count);

    [LoggerMessage(EventId = 45, Level = LogLevel.Warning,
        Message = "Mail {OutboxId} ({MessageId}) was sent after another node took over its lease; it may arrive twice, with the same Message-Id")]
    private static partial void LogLeaseLost(ILogger logger, Guid outboxId, string messageId);
}
