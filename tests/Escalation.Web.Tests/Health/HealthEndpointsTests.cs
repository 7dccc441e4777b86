using System.Net;
using System.Text.Json;
using Escalation.Web.Tests.TestSupport;

namespace Escalation.Web.Tests.Health;

public sealed class HealthEndpointsTests(EscalationAppFactory factory) : IClassFixture<EscalationAppFactory>
{
    [Fact]
    public async Task Live_AnswersOkWithoutSigningIn()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ready_WhenDatabaseAndPoliciesAreThere_AnswersOkAndNamesEachCheck()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        var names = body.RootElement.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString());
        Assert.Equal(factory.ExpectedReadyChecks.Order(), names.Order());
    }

    [Fact]
    public async Task OpenApi_ListsBothHealthEndpoints()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/health/live", out _));
        Assert.True(paths.TryGetProperty("/health/ready", out _));
    }
}
