using Escalation.Core.Policies;
using Escalation.Notifications.Templates;
using Escalation.Notifications.Tests.TestSupport;

namespace Escalation.Notifications.Tests.Templates;

public class EmailEscapingTests
{
    private static RenderedEmail RenderWithChildReference(string childReference, string key = "stage-entered") =>
        Rendering.Render(SampleFacts.Mail(key, Audience.StageActors, SampleFacts.Escalation(2, childReference: childReference)));

    [Fact]
    public void Render_ChildReferenceWithScriptTag_IsEscapedInHtmlAndAsWrittenInText()
    {
        var mail = RenderWithChildReference("<script>alert(1)</script>");

        Assert.DoesNotContain("<script", mail.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", mail.Html, StringComparison.Ordinal);
        Assert.Contains("child <script>alert(1)</script>", mail.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ 1+1 }}")]
    [InlineData("{{ 1 + 1 }}")]
    [InlineData("{{ }}")]
    [InlineData("{{ reader.email }}")]
    [InlineData("{% raw %}{{")]
    public void Render_ChildReferenceWithTemplateSyntax_ComesOutLiterally(string childReference)
    {
        var mail = RenderWithChildReference(childReference);

        Assert.Contains("child " + childReference, mail.Text, StringComparison.Ordinal);
        Assert.Contains("child " + System.Net.WebUtility.HtmlEncode(childReference), mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("child 2", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("child mo.manager@example.org", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LongUnbrokenChildReference_RendersWholeInsideAContainerThatWraps()
    {
        var longText = new string('A', 5000);

        var mail = RenderWithChildReference(longText);

        Assert.Contains(longText, mail.Html, StringComparison.Ordinal);
        Assert.Contains(longText, mail.Text, StringComparison.Ordinal);
        var container = mail.Html[..mail.Html.IndexOf(longText, StringComparison.Ordinal)];
        Assert.Contains("word-break: break-word", container[container.LastIndexOf("<td", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains("max-width: 580px", container, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NamesAndAgenciesWithMarkup_AreEscapedEverywhereInHtml()
    {
        var escalation = SampleFacts.Escalation(2) with
        {
            Raiser = new PartyFacts("<b>Tess</b>", "School & \"Nursery\""),
        };
        var facts = SampleFacts.Mail("stage-entered", Audience.StageActors, escalation, name: "<img src=x onerror=alert(1)>");

        var mail = Rendering.Render(facts);

        Assert.DoesNotContain("<b>", mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", mail.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;Tess&lt;/b&gt; of School &amp; &quot;Nursery&quot;", mail.Html, StringComparison.Ordinal);
        Assert.Contains("Dear <img src=x onerror=alert(1)>,", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SubjectWithMarkupInTheTitle_IsEscapedInTheHtmlTitle()
    {
        var escalation = SampleFacts.Escalation(2) with { Stage = SampleFacts.Stage(2, null, true) with { Title = "</title><script>x</script>" } };

        var mail = Rendering.Render(SampleFacts.Mail("stage-entered", Audience.StageActors, escalation));

        Assert.DoesNotContain("<script>", mail.Html, StringComparison.Ordinal);
        Assert.Contains("stage 2: </title><script>x</script>", mail.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_InvitationTokenWithUrlCharacters_IsEncodedInTheLink()
    {
        var mail = Rendering.Render(SampleFacts.Invitation("a&b=<c>"));

        Assert.Contains("token=a%26b%3D%3Cc%3E", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<c>", mail.Html, StringComparison.Ordinal);
    }
}
