using Escalation.Notifications.Templates;
using Escalation.Notifications.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Escalation.Notifications.Tests.Templates;

public sealed class EmailTemplatesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("escalation-templates-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Load_RepositoryTemplates_HasASubjectHtmlAndTextForEveryEvent()
    {
        var templates = EmailTemplates.Load(RepoPaths.EmailTemplates);

        Assert.All(EmailTemplateKeys.All, key => Assert.True(templates.Has(key), key));
        Assert.Equal(13, EmailTemplateKeys.All.Count);
    }

    [Fact]
    public void Load_TemplateWithSyntaxError_ThrowsNamingTheFileAndLine()
    {
        var broken = CopyTemplates();
        var file = Path.Combine(broken, "reminder.html.sbn");
        var lines = File.ReadAllLines(file).ToList();
        lines.Insert(2, "<p>{{ if reader.acts_at_stage }}Never closed</p>");
        File.WriteAllLines(file, lines);

        var error = Assert.Throws<EmailTemplateException>(() => EmailTemplates.Load(broken));

        Assert.Equal(file, error.File);
        Assert.NotNull(error.Line);
        Assert.Contains("reminder.html.sbn", error.Message, StringComparison.Ordinal);
        Assert.Contains("line " + error.Line, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TemplateWithStrayEnd_ThrowsNamingLineThree()
    {
        var broken = CopyTemplates();
        var file = Path.Combine(broken, "withdrawn.text.sbn");
        File.WriteAllLines(file, ["Line one", "Line two", "Line three {{ end }}", "Line four"]);

        var error = Assert.Throws<EmailTemplateException>(() => EmailTemplates.Load(broken));

        Assert.Equal(file, error.File);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Load_TemplateUsingAMisspeltValue_ThrowsNamingTheFileAndLine()
    {
        var broken = CopyTemplates();
        var file = Path.Combine(broken, "resolved.text.sbn");
        File.AppendAllLines(file, ["", "Due {{ stage.due_byy }}"]);

        var error = Assert.Throws<EmailTemplateException>(() => EmailTemplates.Load(broken));

        Assert.Equal(file, error.File);
        Assert.Equal(File.ReadAllLines(file).Length, error.Line);
    }

    [Fact]
    public void Load_MissingTemplate_ThrowsNamingTheFile()
    {
        var broken = CopyTemplates();
        File.Delete(Path.Combine(broken, "invitation.subject.sbn"));

        var error = Assert.Throws<EmailTemplateException>(() => EmailTemplates.Load(broken));

        Assert.Equal(Path.Combine(broken, "invitation.subject.sbn"), error.File);
        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFolder_ThrowsNamingTheFolder()
    {
        var missing = Path.Combine(_folder, "nowhere");

        var error = Assert.Throws<EmailTemplateException>(() => EmailTemplates.Load(missing));

        Assert.Equal(missing, error.File);
    }

    [Fact]
    public void AddEscalationNotifications_BrokenTemplate_StopsStartUp()
    {
        var broken = CopyTemplates();
        File.WriteAllText(Path.Combine(broken, "_layout.html.sbn"), "{{ for }}");
        var configuration = new ConfigurationBuilder().Build();

        var error = Assert.Throws<EmailTemplateException>(() => new ServiceCollection().AddEscalationNotifications(configuration, _folder));

        Assert.Contains("_layout.html.sbn", error.Message, StringComparison.Ordinal);
    }

    private string CopyTemplates()
    {
        var target = Path.Combine(_folder, "email");
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(RepoPaths.EmailTemplates))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        return target;
    }
}
