using Escalation.Core.Policies;

namespace Escalation.Core.Tests.Policies;

public class PolicyDefectTests
{
    [Theory]
    [MemberData(nameof(PolicyDefects.Names), MemberType = typeof(PolicyDefects))]
    public void Parse_DefectivePolicy_NamesFileAndField(string defect)
    {
        var (json, path, reason) = PolicyDefects.All[defect];

        var ex = Assert.Throws<PolicyValidationException>(
            () => PolicyLoader.Parse(json(), PolicyTestData.FileName, PolicyTestData.Schema));

        Assert.Equal(PolicyTestData.FileName, ex.File);
        Assert.Equal(path, ex.JsonPath);
        Assert.Contains(reason, ex.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"{PolicyTestData.FileName}: {path}: ", ex.Message, StringComparison.Ordinal);
    }

    // The loader's own checks must stand without the schema, so an outdated or lax schema never lets half a policy in.
    [Theory]
    [MemberData(nameof(PolicyDefects.Names), MemberType = typeof(PolicyDefects))]
    public void Parse_DefectivePolicyWithoutSchema_IsStillRefusedAtTheSameField(string defect)
    {
        var (json, path, reason) = PolicyDefects.All[defect];

        var ex = Assert.Throws<PolicyValidationException>(
            () => PolicyLoader.Parse(json(), PolicyTestData.FileName, PolicyTestData.NoSchema));

        Assert.Equal(PolicyTestData.FileName, ex.File);
        Assert.Equal(path, ex.JsonPath);
        Assert.Contains(reason, ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DefaultPolicyUnchanged_IsAccepted()
    {
        var policy = PolicyLoader.Parse(PolicyTestData.DefaultJson, PolicyTestData.FileName, PolicyTestData.Schema);

        Assert.Equal(4, policy.Stages.Count);
    }

    [Fact]
    public void Parse_ZeroDeadline_MessageReadsAsOneLineNamingFileAndField()
    {
        var json = PolicyTestData.Mutate(p => p.Entry("urgent", 2)["deadline"]!["workingDays"] = 0);

        var ex = Assert.Throws<PolicyValidationException>(
            () => PolicyLoader.Parse(json, PolicyTestData.FileName, PolicyTestData.Schema));

        Assert.Equal(
            "professional-differences.json: $.tracks.urgent[2].deadline.workingDays: must be a positive whole number",
            ex.Message);
    }

    [Fact]
    public void Parse_SeveralSchemaFaults_ListsEachInDocumentOrder()
    {
        var json = PolicyTestData.Mutate(p =>
        {
            p["version"] = 0;
            p["notifications"]!["reminder"]![0] = "mum";
        });

        var ex = Assert.Throws<PolicyValidationException>(
            () => PolicyLoader.Parse(json, PolicyTestData.FileName, PolicyTestData.Schema));

        Assert.Equal("$.version", ex.JsonPath);
        var lines = ex.Message.Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("professional-differences.json: $.notifications.reminder[0]: ", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_SchemaThatIsNotJson_IsRefusedNamingTheSchemaFile()
    {
        var ex = Assert.Throws<PolicyValidationException>(() => PolicySchema.FromJson("{ not json"));

        Assert.Equal(PolicySchema.FileName, ex.File);
    }
}
