using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Escalation.Notifications.Tests.TestSupport;

/// <summary>
/// A minimal SMTP server that refuses, with 550, every recipient whose address contains "reject", and accepts the
/// rest. maildev accepts everything, so this is how a test meets a relay's permanent refusal over real SMTP.
/// </summary>
public sealed class RejectingSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public RejectingSmtpServer()
    {
        _listener.Start();
        _loop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The Message-Id header of each message accepted.</summary>
    public List<string> Accepted { get; } = [];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            await ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost test relay");
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            var command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
            switch (command)
            {
                case "EHLO" or "HELO":
                    await writer.WriteLineAsync("250 localhost");
                    break;
                case "RCPT" when line.Contains("reject", StringComparison.OrdinalIgnoreCase):
                    await writer.WriteLineAsync("550 5.1.1 No such mailbox");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 Go ahead");
                    await ReadMessageAsync(reader);
                    await writer.WriteLineAsync("250 2.0.0 Accepted");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("250 OK");
                    break;
            }
        }
    }

    private async Task ReadMessageAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync(_stop.Token) is { } line && line != ".")
        {
            if (line.StartsWith("Message-Id:", StringComparison.OrdinalIgnoreCase))
                Accepted.Add(line["Message-Id:".Length..].Trim().Trim('<', '>'));
        }
    }
}
