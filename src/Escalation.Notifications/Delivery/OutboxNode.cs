using System.Globalization;

namespace Escalation.Notifications.Delivery;

/// <summary>This process's name on the leases it takes: host, process id and a random suffix, unique per start.</summary>
public sealed class OutboxNode
{
    public OutboxNode()
        : this($"{Environment.MachineName}:{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}:{Guid.NewGuid().ToString("N")[..8]}")
    {
    }

    public OutboxNode(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id.Length <= 100 ? id : id[..100];
    }

    public string Id { get; }
}
