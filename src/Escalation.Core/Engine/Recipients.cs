using Escalation.Core.Policies;

namespace Escalation.Core.Engine;

/// <summary>Read access to the directory, as recipient resolution needs it.</summary>
public interface IDirectoryView
{
    DirectoryPerson? Find(Guid id);

    /// <summary>Everyone holding a role, optionally only in one agency.</summary>
    IEnumerable<DirectoryPerson> InRole(string role, Guid? agencyId = null);
}

/// <summary>One person (or a shared mailbox, with no person id) a mail goes to, and why.</summary>
public sealed record Recipient(Guid? PersonId, string Name, string Email, Audience Audience);

/// <summary>A shared address, such as the board business unit's team mailbox.</summary>
public sealed record SharedMailbox(string Name, string Email);

/// <summary>
/// Turns a mail intent's audiences into people, from the directory. Each person (and each address) appears once per
/// mail, under the first audience of the intent that names them. The board business unit's shared mailbox, when
/// configured, is told whenever the unit is. The intent's <see cref="MailIntent.Except"/> is never told. No one who
/// has left is told: a departed party is reached through <see cref="TakeOver"/>.
/// </summary>
public sealed class Recipients(PolicyDefinition policy, IDirectoryView directory, SharedMailbox? boardBusinessUnitMailbox = null)
{
    public IReadOnlyList<Recipient> For(MailIntent intent, Guid raiserId, Guid respondentId, int highestStage)
    {
        var raiser = directory.Find(raiserId);
        var respondent = directory.Find(respondentId);
        var parties = new[] { raiser, respondent }.OfType<DirectoryPerson>().ToArray();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<Recipient>();
        void Add(Audience audience, int stage, Audience label)
        {
            foreach (var person in Resolve(audience, stage, raiser, respondent, parties, highestStage))
            {
                if (person.Id != intent.Except && seen.Add(person.Email))
                {
                    result.Add(new Recipient(person.Id, person.Name, person.Email, label));
                }
            }

            if (audience == Audience.BoardBusinessUnit && boardBusinessUnitMailbox is { } mailbox && seen.Add(mailbox.Email))
            {
                result.Add(new Recipient(null, mailbox.Name, mailbox.Email, label));
            }
        }

        foreach (var audience in intent.Audiences)
        {
            Add(audience, intent.Stage, audience);
        }

        if (intent.NextStageAudiences.Count > 0 && policy.NextStage(intent.Stage) is { } next)
        {
            // Those acting at the stage above are, seen from the mail's own stage, its next-stage actors.
            foreach (var audience in intent.NextStageAudiences)
            {
                Add(audience, next.Number, audience == Audience.StageActors ? Audience.NextStageActors : audience);
            }
        }

        return result;
    }

    private IEnumerable<DirectoryPerson> Resolve(Audience audience, int stage, DirectoryPerson? raiser,
        DirectoryPerson? respondent, DirectoryPerson[] parties, int highestStage) => audience switch
    {
        Audience.Raiser => raiser is null ? [] : Reach(raiser),
        Audience.Respondent => respondent is null ? [] : Reach(respondent),
        Audience.Parties => parties.SelectMany(Reach),
        Audience.StageActors => StageActors(stage, raiser, respondent, parties),
        // At the last stage there is no one higher: those acting at it are told instead.
        Audience.NextStageActors => StageActors(policy.NextStage(stage)?.Number ?? stage, raiser, respondent, parties),
        Audience.EveryoneSoFar => parties.SelectMany(Reach).Concat(policy.Stages
            .Where(s => s.Number <= Math.Max(stage, highestStage))
            .SelectMany(s => StageActors(s.Number, raiser, respondent, parties))),
        Audience.BoardBusinessUnit => directory.InRole(Roles.BoardBusinessUnit),
        Audience.BoardChair => directory.InRole(Roles.BoardChair),
        _ => throw new ArgumentOutOfRangeException(nameof(audience), audience, null),
    };

    private IEnumerable<DirectoryPerson> StageActors(int stageNumber, DirectoryPerson? raiser, DirectoryPerson? respondent,
        DirectoryPerson[] parties)
    {
        var stage = policy.Stage(stageNumber);
        var actors = stage.WhoActs switch
        {
            WhoActs.Parties => parties.SelectMany(Reach),
            WhoActs.Managers => parties.SelectMany(LineManagers),
            WhoActs.Seniors => parties.SelectMany(p => directory.InRole(Roles.Senior, p.AgencyId)),
            WhoActs.Board => directory.InRole(Roles.BoardBusinessUnit),
            _ => [],
        };
        // The loader refuses stage-relative audiences in alsoTell; skipping them here as well rules out endless recursion.
        var alsoTell = stage.AlsoTell.Where(a => a is not (Audience.StageActors or Audience.NextStageActors or Audience.EveryoneSoFar));
        return actors.Concat(alsoTell.SelectMany(a => Resolve(a, stageNumber, raiser, respondent, parties, stageNumber)));
    }

    // A party who has left is reached through whoever takes over from them.
    private IEnumerable<DirectoryPerson> Reach(DirectoryPerson party) => TakeOver.Reach(directory, party);

    // The party's line manager; where none is recorded (or they have left), the managers of the party's agency, so no one is missed.
    private IEnumerable<DirectoryPerson> LineManagers(DirectoryPerson party) => TakeOver.LineManagers(directory, party);
}
