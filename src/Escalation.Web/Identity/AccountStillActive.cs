using Escalation.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace Escalation.Web.Identity;

/// <summary>
/// Identity asks this before any sign-in: a person who has been deactivated may not sign in. (Email confirmation is not
/// asked for: an invitation is accepted only through the link sent to the address.)
/// </summary>
internal sealed class AccountStillActive : IUserConfirmation<Person>
{
    public Task<bool> IsConfirmedAsync(UserManager<Person> manager, Person user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Task.FromResult(user.DeactivatedAt is null);
    }
}
