using Escalation.Core.Policies;

namespace Escalation.Core.Tests.Policies;

public class PolicyFolderTests
{
    [Fact]
    public void LoadFolder_PolicyBesideFilesOfOtherKinds_LoadsOnlyThePolicy()
    {
        using var folder = PolicyTestData.FolderWithSchema();
        folder.Write(PolicyTestData.FileName, PolicyTestData.DefaultJson);
        folder.Write("bank-holidays.json", """{ "kind": "bank-holidays", "events": [] }""");
        folder.Write("sexual-activity.json", """{ "kind": "decision-guide", "id": "sexual-activity" }""");
        folder.Write("sexual-activity.schema.json", "schemas are skipped, so this need not even be JSON");

        var policies = PolicyLoader.LoadFolder(folder.Path);

        var policy = Assert.Single(policies);
        Assert.Equal("professional-differences", policy.Id);
    }

    [Fact]
    public void LoadFolder_TwoVersionsOfAPolicy_LoadsBoth()
    {
        using var folder = PolicyTestData.FolderWithSchema();
        folder.Write(PolicyTestData.FileName, PolicyTestData.DefaultJson);
        folder.Write("professional-differences-v2.json", PolicyTestData.Mutate(p => p["version"] = 2));

        var policies = PolicyLoader.LoadFolder(folder.Path);

        Assert.Equal([1, 2], policies.Select(p => p.Version).Order());
    }

    [Fact]
    public void LoadFolder_OneBadPolicy_ThrowsNamingItsFileAndField()
    {
        using var folder = PolicyTestData.FolderWithSchema();
        folder.Write(PolicyTestData.FileName, PolicyTestData.DefaultJson);
        folder.Write("broken.json", PolicyTestData.Mutate(p => p.Stage(1)["number"] = 1));

        var ex = Assert.Throws<PolicyValidationException>(() => PolicyLoader.LoadFolder(folder.Path));

        Assert.Equal("broken.json", ex.File);
        Assert.Equal("$.stages[1].number", ex.JsonPath);
    }

    [Fact]
    public void LoadFolder_FileWithNoKind_ThrowsNamingIt()
    {
        using var folder = PolicyTestData.FolderWithSchema();
        folder.Write(PolicyTestData.FileName, PolicyTestData.DefaultJson);
        folder.Write("calendar.json", """{ "events": [] }""");

        var ex = Assert.Throws<PolicyValidationException>(() => PolicyLoader.LoadFolder(folder.Path));

        Assert.Equal("calendar.json", ex.File);
        Assert.Equal("$.kind", ex.JsonPath);
    }

    [Fact]
    public void LoadFolder_UnparseableFile_ThrowsNamingItWithLineAndPosition()
    {
        using var folder = PolicyTestData.FolderWithSchema();
        folder.Write("notes.json", "{\n  \"kind\": oops\n}");

        var ex = Assert.Throws<PolicyValidationException>(() => PolicyLoader.LoadFolder(folder.Path));

        Assert.Equal("notes.json", ex.File);
        Assert.Equal("$", ex.JsonPath);
        Assert.Contains("line 2, position 11", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFolder_SameIdAndVersionInTwoFiles_ThrowsNamingTheSecond()
    {
        using var folder = PolicyTestData.FolderWithSchema();
        folder.Write(PolicyTestData.FileName, PolicyTestData.DefaultJson);
        folder.Write("zz-copy.json", PolicyTestData.DefaultJson);

        var ex = Assert.Throws<PolicyValidationException>(() => PolicyLoader.LoadFolder(folder.Path));

        Assert.Equal("zz-copy.json", ex.File);
        Assert.Equal("$.version", ex.JsonPath);
        Assert.Contains("already defined in professional-differences.json", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFolder_PolicyWithoutSchemaBesideIt_ThrowsNamingTheSchemaFile()
    {
        using var folder = new TempFolder();
        folder.Write(PolicyTestData.FileName, PolicyTestData.DefaultJson);

        var ex = Assert.Throws<PolicyValidationException>(() => PolicyLoader.LoadFolder(folder.Path));

        Assert.Equal(PolicySchema.FileName, ex.File);
    }

    [Fact]
    public void Load_FileInAFolder_UsesTheSchemaBesideIt()
    {
        using var folder = PolicyTestData.FolderWithSchema();
        folder.Write("mine.json", PolicyTestData.Mutate(p => p["id"] = "my-policy"));

        var policy = PolicyLoader.Load(Path.Combine(folder.Path, "mine.json"));

        Assert.Equal("my-policy", policy.Id);
    }
}
