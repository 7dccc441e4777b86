using Escalation.Core.Decisions;

namespace Escalation.Web.Hosting;

internal static class DecisionRegistration
{
    /// <summary>
    /// Loads the decision guides beside the policies before the service starts (a guide that is not valid throws,
    /// naming the file and the field).
    /// </summary>
    public static IServiceCollection AddDecisionGuides(this IServiceCollection services, ContentPaths paths)
    {
        services.AddSingleton(LoadCatalog(paths));
        return services;
    }

    public static DecisionGuideCatalog LoadCatalog(ContentPaths paths)
    {
        var catalog = new DecisionGuideCatalog(DecisionGuideLoader.LoadFolder(paths.Workflows));
        return catalog.Current(DecisionGuideCatalog.SexualActivityId) is not null
            ? catalog
            : throw new InvalidOperationException(
                $"{paths.Workflows}: no '{DecisionGuideCatalog.SexualActivityId}' decision guide is defined; the decision prompts cannot run without it.");
    }
}
