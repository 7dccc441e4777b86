namespace Escalation.Web.Pages.Escalations.Raise;

/// <summary>The stop page. It stores nothing, and forgets the answers given so far.</summary>
internal sealed class ContactNowModel(RaiseDraftStore store) : Microsoft.AspNetCore.Mvc.RazorPages.PageModel
{
    public void OnGet() => store.Clear();
}
