using Escalation.Core.Calendar;
using Escalation.Core.Policies;

namespace Escalation.Notifications.Tests.TestSupport;

/// <summary>The repository's own policies and bank holidays, loaded once.</summary>
public static class TestPolicies
{
    private static readonly Lazy<PolicyCatalog> Loaded = new(() => new PolicyCatalog(
        PolicyLoader.LoadFolder(RepoPaths.Workflows),
        new WorkingDayCalendar(WorkingDayCalendar.FindEuropeLondon(), BankHolidayFile.Load(Path.Combine(RepoPaths.Workflows, "bank-holidays.json")).Dates)));

    public static PolicyCatalog Catalog => Loaded.Value;
}
