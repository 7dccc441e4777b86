using System.Net;
using System.Text.Json.Nodes;
using Escalation.Web.Tests.Engine;
using Escalation.Web.Tests.TestSupport;

namespace Escalation.Web.Tests.Decisions;

/// <summary>
/// Approval on PostgreSQL, where the assessment, its approval and the senior's mail are saved in one transaction and
/// two answers at once meet the row lock: one is recorded, the others answer 409.
/// </summary>
[Trait("Category", "Postgres")]
[Collection(PostgresGroup.Name)]
public sealed class PostgresApprovalTests(TestPostgresFixture postgres)
{
    private const string Assessments = DecisionHost.Path + "/assessments";

    [Fact]
    public async Task Approval_OnPostgres_AskedPendingThenDecidedOnceAndListed()
    {
        var host = DecisionHost.On(await PostgresTestDatabases.CreateAsync(postgres.Server));
        await host.InitializeAsync();
        try
        {
            var refused = await host.PostAsync(host.People.Teacher, Assessments, Bodies.Under13NotReferred(host.People.CscSenior));
            var id = await host.RecordAsync(host.People.Teacher, Bodies.Under13NotReferred(host.People.SchoolSenior, "CH-PG"));
            var pending = await host.GetAsync(host.People.Teacher, $"{Assessments}/{id}");

            var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
                host.PostAsync(host.People.SchoolSenior, $"{Assessments}/{id}/approval", new JsonObject { ["approve"] = true, ["note"] = $"Answer {i}" })));
            var list = await host.GetAsync(host.People.SchoolSenior, Assessments);

            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
            Assert.Equal(1, await host.AssessmentCountAsync());
            Assert.Equal("pending", pending.Json!["approval"]!["status"]!.GetValue<string>());
            Assert.Single(await host.AssessmentMailsAsync("decision-approval-requested", id));
            Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
            Assert.Equal(3, answers.Count(a => a.Status == HttpStatusCode.Conflict));
            Assert.Single(await host.AssessmentMailsAsync("decision-approval-decided", id));
            var item = Assert.Single(list.Json!.AsArray())!;
            Assert.Equal("approved", item["approval"]!["status"]!.GetValue<string>());
            Assert.Equal(DecisionHost.Start, item["approval"]!["decidedAt"]!.GetValue<DateTimeOffset>());
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}
