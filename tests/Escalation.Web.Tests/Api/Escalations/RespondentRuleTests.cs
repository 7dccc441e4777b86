using System.Net;
using Escalation.Web.Tests.Api.Support;
using Microsoft.EntityFrameworkCore;

namespace Escalation.Web.Tests.Api.Escalations;

/// <summary>
/// Contract version 2: who may be the respondent, who reads an escalation (not a report viewer, not an administrator
/// alone), the receiving side never on the raising side, the board's warning on escalations stored before the rule,
/// and the responded mail.
/// </summary>
public sealed class RespondentRuleTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Theory]
    [InlineData(Who.TeacherManager, "Choose a professional in another agency")]
    [InlineData(Who.SchoolSenior, "Choose a professional in another agency")]
    [InlineData(Who.BoardOfficer, "Choose a practitioner, manager or senior")]
    [InlineData(Who.ReportViewer, "Choose a practitioner, manager or senior")]
    [InlineData(Who.Admin, "Choose a practitioner, manager or senior")]
    public async Task Respondent_NotValid_Refused400NamingRespondentIdAndStoresNothing(Who respondent, string words)
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        var before = await host.CountsAsync();

        var response = await teacher.PostAsync("/api/escalations", Bodies.Raise(people[respondent].Id));

        Assert.True(response.Status == HttpStatusCode.BadRequest, response.Describe());
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.Equal(["respondentId"], response.ErrorFields);
        Assert.StartsWith(words, response.Json["errors"]!["respondentId"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await host.CountsAsync());
    }

    [Fact]
    public async Task Respondent_IsRaisersOwnManager_Refused()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);

        var response = await teacher.PostAsync("/api/escalations", Bodies.Raise(people[Who.TeacherManager].Id));

        Assert.True(response.Status == HttpStatusCode.BadRequest, response.Describe());
        Assert.Equal(["respondentId"], response.ErrorFields);
    }

    [Theory]
    [InlineData(Who.SocialWorkerManager)]
    [InlineData(Who.CscSenior)]
    [InlineData(Who.PolicePractitioner)]
    public async Task Respondent_ProfessionalInAnotherAgency_Raised(Who respondent)
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);

        var response = await teacher.PostAsync("/api/escalations", Bodies.Raise(people[respondent].Id));

        Assert.True(response.Status == HttpStatusCode.Created, response.Describe());
    }

    [Theory]
    [InlineData(Who.ReportViewer)]
    [InlineData(Who.Admin)]
    public async Task ReportViewerOrAdmin_ReadsEscalation_NotFound(Who who)
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        using var caller = await host.SignInAsync(who);
        var id = (await teacher.RaiseAsync(Bodies.Raise(people[Who.SocialWorker].Id))).Id();

        var item = await caller.GetAsync($"/api/escalations/{id}");
        var list = await caller.GetAsync("/api/escalations");
        using var browser = await host.SignInPagesAsync(who);
        using var page = await browser.GetAsync(new Uri($"/escalations/{id}", UriKind.Relative));

        Assert.True(item.Status == HttpStatusCode.NotFound, item.Describe());
        Assert.Empty(list.Json.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Fact]
    public async Task RespondentIsRaisersOwnManager_StoredBeforeTheRule_CannotResolveEscalateOrWithdraw()
    {
        var (id, _) = await StoredBeforeTheRuleAsync();
        using var manager = await host.SignInAsync(Who.TeacherManager);

        var resolve = await manager.PostAsync($"/api/escalations/{id}/resolve", Bodies.Resolve());
        var escalate = await manager.PostAsync($"/api/escalations/{id}/escalate", Bodies.Reason());
        var respond = await manager.PostAsync($"/api/escalations/{id}/responses", Bodies.Note("My decision stands"));

        Assert.True(resolve.Status == HttpStatusCode.Forbidden, resolve.Describe());
        Assert.True(escalate.Status == HttpStatusCode.Forbidden, escalate.Describe());
        Assert.True(respond.Status == HttpStatusCode.OK, respond.Describe());
    }

    [Fact]
    public async Task RespondentIsRaisersOwnManager_StoredBeforeTheRule_BoardSeesTheWarningAndTheRecordIsUnchanged()
    {
        var (id, version) = await StoredBeforeTheRuleAsync();
        using var browser = await host.SignInPagesAsync(Who.BoardOfficer);

        var page = await browser.GetStringAsync(new Uri($"/escalations/{id}", UriKind.Relative));
        var list = await browser.GetStringAsync(new Uri("/board/escalations", UriKind.Relative));

        const string Warning = "Respondent not valid under the current rules: the respondent works in the raiser&#x27;s own agency.";
        Assert.Contains(Warning, page, StringComparison.Ordinal);
        Assert.Contains(Warning, list, StringComparison.Ordinal);
        Assert.Equal(version, await host.InDbAsync(db => db.Escalations.Where(e => e.Id == id).Select(e => e.Version).FirstAsync()));
    }

    [Fact]
    public async Task ValidRespondent_BoardSeesNoWarning()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        var id = (await teacher.RaiseAsync(Bodies.Raise(people[Who.SocialWorker].Id))).Id();
        using var browser = await host.SignInPagesAsync(Who.BoardOfficer);

        var page = await browser.GetStringAsync(new Uri($"/escalations/{id}", UriKind.Relative));

        Assert.DoesNotContain("Respondent not valid", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Respond_ByRespondent_RaiserIsToldAndTheAuthorIsNot_InTheSameTransactionAsTheHistory()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        using var socialWorker = await host.SignInAsync(Who.SocialWorker);
        var id = (await teacher.RaiseAsync(Bodies.Raise(people[Who.SocialWorker].Id))).Id();

        var response = await socialWorker.PostAsync($"/api/escalations/{id}/responses", Bodies.Note("We will look again"));

        Assert.True(response.Status == HttpStatusCode.OK, response.Describe());
        var mails = await host.InDbAsync(db => db.Outbox.AsNoTracking().Where(o => o.EscalationId == id && o.TemplateKey == "responded").ToListAsync());
        var responded = await host.InDbAsync(db => db.History.AsNoTracking().SingleAsync(h => h.EscalationId == id && h.Type == Core.Engine.HistoryType.Responded));
        var mail = Assert.Single(mails);
        Assert.Equal(people[Who.Teacher].Email, mail.RecipientEmail);
        Assert.Equal(responded.At, mail.CreatedAt);
        Assert.Equal($"{{\"authorId\":\"{people[Who.SocialWorker].Id:D}\"}}", mail.Payload);
    }

    [Fact]
    public async Task Respond_ByRaiser_RespondentIsToldAndTheRaiserIsNot()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        var id = (await teacher.RaiseAsync(Bodies.Raise(people[Who.SocialWorker].Id))).Id();

        await teacher.PostAsync($"/api/escalations/{id}/responses", Bodies.Note("Here is the chronology"));

        var to = await host.InDbAsync(db => db.Outbox.AsNoTracking().Where(o => o.EscalationId == id && o.TemplateKey == "responded")
            .Select(o => o.RecipientEmail).ToListAsync());
        Assert.Equal([people[Who.SocialWorker].Email], to);
    }

    /// <summary>An escalation whose respondent is the raiser's own line manager, as stored before the rule existed.</summary>
    private async Task<(Guid Id, int Version)> StoredBeforeTheRuleAsync()
    {
        var people = await host.PeopleAsync();
        using var teacher = await host.SignInAsync(Who.Teacher);
        var id = (await teacher.RaiseAsync(Bodies.Raise(people[Who.SocialWorker].Id))).Id();
        var manager = people[Who.TeacherManager];
        await host.InDbAsync(db => db.Escalations.Where(e => e.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.RespondentId, manager.Id).SetProperty(e => e.ReceivingAgencyId, manager.AgencyId)));
        return (id, 1);
    }
}
