namespace Escalation.Web.Tests.TestSupport;

/// <summary>Runs a check on a new SQLite file in a folder of its own, deleted afterwards (left to the OS if still held open).</summary>
internal static class TempSqliteFile
{
    public static async Task RunAsync(Func<TestDatabase, Task> check)
    {
        var folder = Directory.CreateTempSubdirectory("escalation-migration-");
        try
        {
            await check(TestDatabase.SqliteFile(Path.Combine(folder.FullName, "old.db")));
        }
        finally
        {
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A file still held open is left to the OS temp cleaner.
            }
        }
    }
}
