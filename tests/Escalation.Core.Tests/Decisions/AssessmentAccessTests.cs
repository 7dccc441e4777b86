using Escalation.Core.Decisions;
using Escalation.Core.Engine;

namespace Escalation.Core.Tests.Decisions;

public class AssessmentAccessTests
{
    private static readonly Guid School = Guid.NewGuid();
    private static readonly Guid Police = Guid.NewGuid();
    private static readonly Guid Assessor = Guid.NewGuid();
    private static readonly Guid LineManager = Guid.NewGuid();

    private static DirectoryPerson Person(Guid agency, string role, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), "Someone", "someone@example.org", agency, null, new HashSet<string> { role });

    private static bool CanRead(DirectoryPerson viewer, Guid? approver = null) =>
        AssessmentAccess.CanRead(viewer, Assessor, LineManager, School, approver);

    [Fact]
    public void CanRead_TheAssessor_Yes() => Assert.True(CanRead(Person(School, Roles.Practitioner, Assessor)));

    [Fact]
    public void CanRead_TheirLineManagerInAnotherAgency_Yes() => Assert.True(CanRead(Person(Police, Roles.Manager, LineManager)));

    [Theory]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.Senior)]
    public void CanRead_ManagerOrSeniorOfTheSameAgency_Yes(string role) => Assert.True(CanRead(Person(School, role)));

    [Theory]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.Senior)]
    public void CanRead_ManagerOrSeniorOfAnotherAgency_No(string role) => Assert.False(CanRead(Person(Police, role)));

    [Theory]
    [InlineData(Roles.BoardBusinessUnit)]
    [InlineData(Roles.BoardChair)]
    public void CanRead_Board_Yes(string role) => Assert.True(CanRead(Person(Police, role)));

    [Theory]
    [InlineData(Roles.Practitioner)]
    [InlineData(Roles.ReportViewer)]
    [InlineData(Roles.Admin)]
    public void CanRead_AnotherPractitionerAReportViewerOrAnAdministrator_No(string role) => Assert.False(CanRead(Person(School, role)));

    [Fact]
    public void CanRead_TheApprovingSeniorInAnotherAgency_Yes()
    {
        var senior = Person(Police, Roles.Senior);

        Assert.True(CanRead(senior, approver: senior.Id));
    }
}
