using System.Text.Json.Nodes;

namespace Escalation.Web.Tests.Api.Support;

/// <summary>Valid request bodies, as the contract shows them; change one field with <see cref="With"/> or drop it with <see cref="Without"/>.</summary>
public static class Bodies
{
    public const string ChildReference = "CH-1042";
    public const string Concern = "Repeated disclosures at school about bruising";

    /// <summary>One mebibyte of text: far over every field's limit, far under the 4 MB request limit.</summary>
    public static readonly string Megabyte = new('x', 1024 * 1024);

    public static JsonObject Raise(Guid respondentId) => new()
    {
        ["childReference"] = ChildReference,
        ["childAgeYears"] = 14,
        ["respondentId"] = respondentId.ToString(),
        ["category"] = "below-threshold",
        ["levelOfNeed"] = 3,
        ["decisionChallenged"] = "Referral closed with no further action",
        ["decisionDate"] = "2026-12-17",
        ["concern"] = Concern,
        ["desiredOutcome"] = "A strategy discussion",
        ["track"] = "standard",
        ["startAtStage"] = 1,
        ["startAtStageReason"] = null,
        ["childAtImmediateRisk"] = false,
        ["immediateReferralMade"] = false,
    };

    public static JsonObject Resolve(string outcome = "decision-changed") => new()
    {
        ["outcome"] = outcome,
        ["statement"] = "Children's Social Care reopened the referral and held a strategy discussion.",
        ["actions"] = new JsonArray("Strategy discussion by 23 December", "School to attend the meeting"),
        ["learning"] = "Share the school's chronology with the referral.",
        ["goodPractice"] = "The teacher kept a clear record of each disclosure.",
    };

    public static JsonObject Reason(string reason = "No answer from the social worker") => new() { ["reason"] = reason };

    public static JsonObject Note(string note = "I have read the school's chronology") => new() { ["note"] = note };

    public static JsonObject Login(string email, string password) => new() { ["email"] = email, ["password"] = password };

    public static JsonObject Accept(string token, string password) => new() { ["token"] = token, ["password"] = password };

    public static JsonObject Agency(string name, string kind = "Housing") => new() { ["name"] = name, ["kind"] = kind };

    public static JsonObject Person(string email, Guid agencyId, string role = "Practitioner", Guid? managerId = null) => new()
    {
        ["name"] = "Nia Newcomer",
        ["email"] = email,
        ["agencyId"] = agencyId.ToString(),
        ["roles"] = new JsonArray(role),
        ["managerId"] = managerId?.ToString(),
    };

    public static JsonObject With(this JsonObject body, string field, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(body);
        body[field] = value;
        return body;
    }

    public static JsonObject Without(this JsonObject body, string field)
    {
        ArgumentNullException.ThrowIfNull(body);
        body.Remove(field);
        return body;
    }
}
