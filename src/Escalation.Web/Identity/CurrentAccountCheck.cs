using System.Security.Claims;
using Escalation.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Escalation.Web.Identity;

/// <summary>
/// Every signed-in request, cookie or bearer token alike, is checked against the account as it stands: a person who
/// has been deactivated, or whose security stamp has changed since the cookie or token was issued, is treated as not
/// signed in at once. (Identity's own SecurityStampValidator covers cookies only, and every 30 minutes.) It costs one
/// primary-key read a request, done once however many schemes authenticate it.
/// </summary>
internal sealed class CurrentAccountCheck(EscalationDbContext db, IOptions<IdentityOptions> options) : IClaimsTransformation
{
    private readonly Dictionary<(string Id, string? Stamp), bool> _checked = [];

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
            return principal;
        var claims = options.Value.ClaimsIdentity;
        var id = principal.FindFirstValue(claims.UserIdClaimType);
        var stamp = principal.FindFirstValue(claims.SecurityStampClaimType);
        if (id is null)
            return principal;
        if (!_checked.TryGetValue((id, stamp), out var current))
        {
            current = Guid.TryParse(id, out var personId) && await db.Users.AsNoTracking()
                .AnyAsync(u => u.Id == personId && u.DeactivatedAt == null && u.SecurityStamp == stamp);
            _checked[(id, stamp)] = current;
        }

        return current ? principal : new ClaimsPrincipal(new ClaimsIdentity());
    }
}
