using Escalation.Core.Policies;
using Escalation.Web.Api;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escalation.Web.Pages.Policies;

internal sealed class PoliciesModel(PolicyCatalog catalog) : PageModel
{
    public IReadOnlyList<PolicySummaryDto> Policies { get; } =
        [.. catalog.Policies.Select(p => new PolicySummaryDto(p.Id, p.Version, p.Title, catalog.Current(p.Id)?.Version == p.Version))];

}
