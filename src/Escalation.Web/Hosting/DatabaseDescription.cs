using System.Data.Common;

namespace Escalation.Web.Hosting;

internal static class DatabaseDescription
{
    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("Escalation") ?? Escalation.Data.DataRegistration.DefaultConnectionString;

    /// <summary>The connection string with any password removed, fit for a log line.</summary>
    public static string Safe(IConfiguration configuration)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = ConnectionString(configuration) };
        foreach (var secret in new[] { "Password", "Pwd" })
        {
            if (builder.ContainsKey(secret))
            {
                builder[secret] = "***";
            }
        }

        return builder.ConnectionString;
    }
}
