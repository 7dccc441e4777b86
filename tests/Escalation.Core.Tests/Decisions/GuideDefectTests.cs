using Escalation.Core.Decisions;
using Escalation.Core.Policies;

namespace Escalation.Core.Tests.Decisions;

/// <summary>A guide that is not valid is refused with the file and the JSON path of the fault.</summary>
public class GuideDefectTests
{
    [Theory]
    [MemberData(nameof(GuideDefects.Names), MemberType = typeof(GuideDefects))]
    public void Parse_DefectiveGuide_NamesFileAndField(string defect)
    {
        var (json, path, reason) = GuideDefects.All[defect];

        var ex = Assert.Throws<PolicyValidationException>(() => DecisionGuideLoader.Parse(json(), GuideTestData.FileName, GuideTestData.Schema));

        Assert.Equal(GuideTestData.FileName, ex.File);
        Assert.Equal(path, ex.JsonPath);
        Assert.Contains(reason, ex.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"{GuideTestData.FileName}: {path}: ", ex.Message, StringComparison.Ordinal);
    }

    // The reader's own checks must stand without the schema, so an outdated or lax schema never lets half a guide in.
    [Theory]
    [MemberData(nameof(GuideDefects.Names), MemberType = typeof(GuideDefects))]
    public void Parse_DefectiveGuideWithoutSchema_IsStillRefusedAtTheSameField(string defect)
    {
        var (json, path, reason) = GuideDefects.All[defect];

        var ex = Assert.Throws<PolicyValidationException>(() => DecisionGuideLoader.Parse(json(), GuideTestData.FileName, schema: null));

        Assert.Equal(path, ex.JsonPath);
        Assert.Contains(reason, ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralSchemaFaults_ListsEachOnItsOwnLine()
    {
        var json = GuideTestData.Mutate(g =>
        {
            g["version"] = 0;
            g.Rule("under-13")["actions"]![0]!["action"] = "call-999";
        });

        var ex = Assert.Throws<PolicyValidationException>(() => DecisionGuideLoader.Parse(json, GuideTestData.FileName, GuideTestData.Schema));

        Assert.Equal("$.version", ex.JsonPath);
        var lines = ex.Message.Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("sexual-activity.json: $.rules[0].actions[0].action: must be one of: ", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFolder_OneBadGuide_ThrowsNamingItsFileAndField()
    {
        using var folder = GuideTestData.FolderWithSchema();
        folder.Write(GuideTestData.FileName, GuideTestData.DefaultJson);
        folder.Write("sexual-activity-v2.json", GuideTestData.Mutate(g => { g["version"] = 2; g.Band(1)["fromAge"] = 14; }));

        var ex = Assert.Throws<PolicyValidationException>(() => DecisionGuideLoader.LoadFolder(folder.Path));

        Assert.Equal("sexual-activity-v2.json", ex.File);
        Assert.Equal("$.ageBands[1].fromAge", ex.JsonPath);
    }

    [Fact]
    public void LoadFolder_TwoVersions_LoadsBothAndSkipsOtherKinds()
    {
        using var folder = GuideTestData.FolderWithSchema();
        folder.Write(GuideTestData.FileName, GuideTestData.DefaultJson);
        folder.Write("sexual-activity-v3.json", GuideTestData.Mutate(g => g["version"] = 3));
        folder.Write("bank-holidays.json", """{ "kind": "bank-holidays", "events": [] }""");
        folder.Write("professional-differences.json", """{ "kind": "escalation-policy" }""");

        var guides = DecisionGuideLoader.LoadFolder(folder.Path);

        Assert.Equal([2, 3], guides.Select(g => g.Version).Order());
    }

    [Fact]
    public void LoadFolder_SameVersionTwice_ThrowsNamingTheSecondFile()
    {
        using var folder = GuideTestData.FolderWithSchema();
        folder.Write(GuideTestData.FileName, GuideTestData.DefaultJson);
        folder.Write("sexual-activity-copy.json", GuideTestData.DefaultJson);

        var ex = Assert.Throws<PolicyValidationException>(() => DecisionGuideLoader.LoadFolder(folder.Path));

        Assert.Equal("sexual-activity.json", ex.File);
        Assert.Equal("$.version", ex.JsonPath);
        Assert.Contains("already defined in sexual-activity-copy.json", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFolder_FileWithNoKind_ThrowsNamingIt()
    {
        using var folder = GuideTestData.FolderWithSchema();
        folder.Write("notes.json", """{ "rules": [] }""");

        var ex = Assert.Throws<PolicyValidationException>(() => DecisionGuideLoader.LoadFolder(folder.Path));

        Assert.Equal("notes.json", ex.File);
        Assert.Equal("$.kind", ex.JsonPath);
    }

    [Fact]
    public void LoadFolder_SchemaMissing_ThrowsNamingTheSchemaFile()
    {
        using var folder = new Escalation.Core.Tests.Policies.TempFolder();
        folder.Write(GuideTestData.FileName, GuideTestData.DefaultJson);

        var ex = Assert.Throws<PolicyValidationException>(() => DecisionGuideLoader.LoadFolder(folder.Path));

        Assert.Equal(DecisionGuideSchema.FileName, ex.File);
    }

    [Fact]
    public void FromJson_SchemaThatIsNotJson_IsRefusedNamingTheSchemaFile()
    {
        var ex = Assert.Throws<PolicyValidationException>(() => DecisionGuideSchema.FromJson("{ not json"));

        Assert.Equal(DecisionGuideSchema.FileName, ex.File);
    }
}
