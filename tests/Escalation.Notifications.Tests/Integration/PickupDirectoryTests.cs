using Escalation.Notifications.Delivery;
using Escalation.Notifications.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Escalation.Notifications.Tests.Integration;

public sealed class PickupDirectoryTests : IAsyncLifetime
{
    private NotificationsHost _host = null!;

    public async Task InitializeAsync() => _host = await NotificationsHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Delivery_WithNoSmtpHost_WritesEachMailAsAnEmlFileNamedByItsMessageId()
    {
        var people = await _host.SeedAsync();
        var escalation = await _host.RaiseAsync(people.Teacher, people.Raise());
        var rows = await _host.OutboxAsync();

        var result = await _host.DeliverAsync();

        Assert.Equal(rows.Count, result.Sent);
        var files = Directory.GetFiles(_host.PickupDirectory).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(rows.Select(r => r.MessageId + ".eml").Order(), files);
        foreach (var row in rows)
        {
            using var message = await MimeMessage.LoadAsync(Path.Combine(_host.PickupDirectory, row.MessageId + ".eml"));
            Assert.Equal(row.MessageId, message.MessageId);
            Assert.Equal(row.RecipientEmail, Assert.IsType<MailboxAddress>(Assert.Single(message.To)).Address);
            Assert.Equal("multipart/alternative", message.Body!.ContentType.MimeType);
            Assert.Contains(escalation.Reference, message.Subject, StringComparison.Ordinal);
            Assert.Contains($"http://localhost:5000/escalations/{escalation.Id}", message.TextBody, StringComparison.Ordinal);
            Assert.Contains("word-break: break-word", message.HtmlBody, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PickupDirectory_SameMailSentTwice_LeavesOneFile()
    {
        var transport = _host.Services.GetRequiredService<IServiceScopeFactory>().CreateScope().ServiceProvider.GetRequiredService<IMailTransport>();
        var pickup = Assert.IsType<PickupDirectoryTransport>(transport);
        using var message = new MimeMessage { MessageId = "0193abc@escalations.example.org", Subject = "Hello" };
        message.From.Add(MailboxAddress.Parse("a@example.org"));
        message.To.Add(MailboxAddress.Parse("b@example.org"));
        message.Body = new TextPart("plain") { Text = "Hello" };

        await pickup.ConnectAsync(default);
        await pickup.SendAsync(message, default);
        await pickup.SendAsync(message, default);

        Assert.Equal(["0193abc@escalations.example.org.eml"], Directory.GetFiles(pickup.Directory).Select(Path.GetFileName));
    }

    [Fact]
    public void PickupDirectory_DefaultsToMailInTheWorkingDirectory()
    {
        var transport = new PickupDirectoryTransport(Options.Create(new MailOptions()));

        Assert.Equal(Path.GetFullPath("mail"), transport.Directory);
    }
}
