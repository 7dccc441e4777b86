using Escalation.Core.Engine;
using Escalation.Services.Escalations;
using Escalation.Web.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escalation.Web.Pages.Escalations;

/// <summary>
/// A page that makes one move on an escalation. The form carries the version the person saw; if someone else has
/// changed the escalation since, the move is refused (as the API's If-Match is) and the page says so, keeping their text.
/// </summary>
internal abstract class EscalationActionModel(EscalationPages pages, EscalationService service) : PageModel
{
    public const string StaleMessage =
        "Someone else has changed this escalation since you opened this page, so nothing was saved. Your text is still below: " +
        "copy it, open the escalation again to see what changed, then try again if you still need to.";

    [BindProperty]
    public int Version { get; set; }

    [TempData]
    public string? Banner { get; set; }

    public EscalationView View { get; private set; } = null!;

    /// <summary>The move could not be made because the escalation changed.</summary>
    public bool Stale { get; private set; }

    public string EscalationUrl => $"/escalations/{View.Escalation.Id}";

    /// <summary>This page's move: the page opens only for a viewer the transition table permits to make it now.</summary>
    protected abstract PermittedMoves Move { get; }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!Guid.TryParse(RouteData.Values["id"]?.ToString(), out var id)
            || await pages.LoadAsync(id, User.PersonId(), HttpContext.RequestAborted) is not { } view)
        {
            context.Result = NotFound();
            return;
        }

        View = view;
        if (HttpMethods.IsGet(Request.Method))
        {
            if (!view.May(Move))
            {
                // Closed, or not theirs to do: the escalation page shows what they can do.
                context.Result = Redirect(EscalationUrl);
                return;
            }

            Version = view.Escalation.Version;
        }

        await next();
    }

    /// <summary>Makes the move; on success goes back to the escalation with <paramref name="done"/> as a banner.</summary>
    protected async Task<IActionResult> MoveAsync(Move move, string field, string done, OutcomeDetails? outcome = null)
    {
        var result = await service.MoveAsync(View.Escalation.Id, User.PersonId(), move, Version, outcome, HttpContext.RequestAborted);
        switch (result.Status)
        {
            case ServiceStatus.Ok:
                Banner = done;
                return Redirect(EscalationUrl);
            case ServiceStatus.NotFound:
                return NotFound();
            case ServiceStatus.VersionMismatch or ServiceStatus.Conflict:
                Stale = true;
                ModelState.AddModelError(string.Empty, StaleMessage);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            case ServiceStatus.Invalid:
                foreach (var (_, messages) in result.Errors!)
                    ModelState.AddModelError(field, messages[0]);
                return Page();
            default:
                var rejection = result.Rejection!;
                if (rejection.Reason == RejectionReason.NotPermitted)
                    return StatusCode(StatusCodes.Status403Forbidden);
                ModelState.AddModelError(rejection.Reason == RejectionReason.InvalidInput ? field : string.Empty, rejection.Message);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
        }
    }

    protected bool RequireText(string? text, string field, string missing)
    {
        if (string.IsNullOrWhiteSpace(text))
            ModelState.AddModelError(field, missing);
        else if (text.Length > RaiseRequestValidator.LongTextMax)
            ModelState.AddModelError(field, $"This must be {RaiseRequestValidator.LongTextMax:N0} characters or fewer");
        return ModelState.IsValid;
    }
}
