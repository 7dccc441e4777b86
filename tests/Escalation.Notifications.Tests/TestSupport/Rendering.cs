using Escalation.Notifications.Templates;

namespace Escalation.Notifications.Tests.TestSupport;

/// <summary>The repository's email templates, loaded and checked once, and a renderer over them.</summary>
public static class Rendering
{
    private static readonly Lazy<EmailTemplates> Loaded = new(() => EmailTemplates.Load(RepoPaths.EmailTemplates));

    public static EmailTemplates Templates => Loaded.Value;

    public static EmailRenderer Renderer(string baseUrl = "http://localhost:5000") =>
        new(Templates, SampleFacts.Calendar, new Uri(baseUrl));

    public static RenderedEmail Render(MailFacts facts, string baseUrl = "http://localhost:5000") => Renderer(baseUrl).Render(facts);
}
