using Escalation.Core.Decisions;
using Escalation.Core.Policies;
using Escalation.Core.Tests.TestSupport;

namespace Escalation.Core.Tests.Policies;

/// <summary>The schema check on its own: the wording of each keyword's faults, their paths and their order.</summary>
public class PolicySchemaTests
{
    /// <summary>A schema whose one field, <c>v</c>, is checked against <paramref name="fieldSchema"/>.</summary>
    private static string Field(string fieldSchema) => $$"""{ "type": "object", "properties": { "v": {{fieldSchema}} } }""";

    private static List<string> Faults(string schema, string json) =>
        [.. PolicySchema.FromJson(schema).Validate(json).Select(f => $"{f.JsonPath}: {f.Reason}")];

    private static void AssertFault(string schema, string json, string expected) =>
        Assert.Equal([expected], Faults(schema, json));

    private static void AssertAccepted(string schema, string json) => Assert.Empty(Faults(schema, json));

    [Theory]
    [InlineData("object", "[]", "must be an object")]
    [InlineData("object", "null", "must be an object")]
    [InlineData("array", "{}", "must be a list")]
    [InlineData("string", "1", "must be text")]
    [InlineData("integer", "1.5", "must be a whole number")]
    [InlineData("integer", "\"1\"", "must be a whole number")]
    [InlineData("number", "\"1\"", "must be a number")]
    [InlineData("boolean", "1", "must be true or false")]
    public void Type_ValueOfAnotherType_IsRefused(string type, string value, string reason) =>
        AssertFault(Field($$"""{ "type": "{{type}}" }"""), $$"""{ "v": {{value}} }""", $"$.v: {reason}");

    [Theory]
    [InlineData("object", "{}")]
    [InlineData("array", "[]")]
    [InlineData("string", "\"\"")]
    [InlineData("integer", "2")]
    [InlineData("integer", "-7")]
    [InlineData("number", "1.5")]
    [InlineData("number", "3")]
    [InlineData("boolean", "false")]
    public void Type_ValueOfThatType_IsAccepted(string type, string value) =>
        AssertAccepted(Field($$"""{ "type": "{{type}}" }"""), $$"""{ "v": {{value}} }""");

    // JSON Schema counts 2.0 and 1e2 as whole numbers; the loaders still refuse them (PolicyDefects, version-with-a-point).
    [Theory]
    [InlineData("2.0")]
    [InlineData("1e2")]
    public void TypeInteger_WholeNumberWrittenWithAPointOrExponent_IsAcceptedByTheSchema(string value) =>
        AssertAccepted(Field("""{ "type": "integer" }"""), $$"""{ "v": {{value}} }""");

    [Fact]
    public void TypeInteger_WholeNumberTooLargeForDecimal_IsAccepted() =>
        AssertAccepted(Field("""{ "type": "integer", "minimum": 1 }"""), """{ "v": 123456789012345678901234567890123 }""");

    [Fact]
    public void TypeString_TextThatLooksLikeADate_IsStillText() =>
        AssertAccepted(Field("""{ "type": "string", "enum": ["2024-01-01T00:00:00Z"] }"""), """{ "v": "2024-01-01T00:00:00Z" }""");

    [Fact]
    public void Type_RootOfTheWrongType_IsReportedAtTheRoot() =>
        AssertFault("""{ "type": "object" }""", "[]", "$: must be an object");

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("0.5")]
    [InlineData("\"1\"")]
    public void MinimumOne_ZeroNegativeFractionOrText_IsPositiveWholeNumberFault(string value) =>
        AssertFault(Field("""{ "type": "integer", "minimum": 1 }"""), $$"""{ "v": {{value}} }""", "$.v: must be a positive whole number");

    [Fact]
    public void MinimumOtherThanOne_BelowIt_SaysTheMinimum() =>
        AssertFault(Field("""{ "type": "integer", "minimum": 0 }"""), """{ "v": -1 }""", "$.v: must be at least 0");

    [Fact]
    public void Minimum_ValueAtTheMinimum_IsAccepted() =>
        AssertAccepted(Field("""{ "type": "integer", "minimum": 0 }"""), """{ "v": 0 }""");

    [Theory]
    [InlineData("^[a-z0-9]+(-[a-z0-9]+)*$", "Not Kebab", "must be kebab-case: lower-case letters and digits, words joined by single hyphens")]
    [InlineData("\\\\S", "  ", "must not be blank")]
    [InlineData("^x+$", "y", "must match the pattern ^x+$")]
    public void Pattern_TextNotMatching_IsRefused(string pattern, string text, string reason) =>
        AssertFault(Field($$"""{ "type": "string", "pattern": "{{pattern}}" }"""), $$"""{ "v": "{{text}}" }""", $"$.v: {reason}");

    [Fact]
    public void Pattern_TextMatching_IsAccepted() =>
        AssertAccepted(Field("""{ "type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$" }"""), """{ "v": "stage-2" }""");

    [Fact]
    public void Enum_ValueNotListed_ListsTheAllowedValues() =>
        AssertFault(Field("""{ "type": "string", "enum": ["escalate", "notify"] }"""), """{ "v": "wait" }""",
            "$.v: must be one of: escalate, notify");

    [Fact]
    public void Enum_ValueListed_IsAccepted() =>
        AssertAccepted(Field("""{ "type": "string", "enum": ["escalate", "notify"] }"""), """{ "v": "notify" }""");

    [Fact]
    public void Required_FieldsMissing_EachReportedInTheOrderOfProperties()
    {
        const string Schema = """
            { "type": "object", "required": ["c", "b", "a"],
              "properties": { "a": { "type": "string" }, "b": { "type": "string" } } }
            """;

        Assert.Equal(["$.a: is required", "$.b: is required", "$.c: is required"], Faults(Schema, "{}"));
    }

    [Fact]
    public void Required_FieldsPresent_AreAccepted() =>
        AssertAccepted("""{ "type": "object", "required": ["a"] }""", """{ "a": null }""");

    [Fact]
    public void AdditionalPropertiesFalse_UnlistedField_IsNotRecognised() =>
        AssertFault("""{ "type": "object", "additionalProperties": false, "properties": { "a": {} } }""", """{ "a": 1, "colour": "red" }""",
            "$.colour: is not a recognised field");

    [Fact]
    public void AdditionalPropertiesTrue_UnlistedField_IsAccepted() =>
        AssertAccepted("""{ "type": "object", "additionalProperties": true, "properties": { "a": {} } }""", """{ "colour": "red" }""");

    [Fact]
    public void AdditionalPropertiesSchema_UnlistedFieldsAreCheckedAgainstIt()
    {
        const string Schema = """{ "type": "object", "additionalProperties": { "type": "string" } }""";

        AssertFault(Schema, """{ "a": "x", "b": 2 }""", "$.b: must be text");
        AssertAccepted(Schema, """{ "a": "x", "b": "y" }""");
    }

    [Fact]
    public void Items_BadItems_ReportedAtEachItemsOwnPath() =>
        Assert.Equal(
            ["$.v[1]: must be text", "$.v[2]: must be text"],
            Faults(Field("""{ "type": "array", "items": { "type": "string" } }"""), """{ "v": ["a", 1, true] }"""));

    [Fact]
    public void Items_GoodItems_AreAccepted() =>
        AssertAccepted(Field("""{ "type": "array", "items": { "type": "string" } }"""), """{ "v": ["a", "b"] }""");

    [Fact]
    public void MinItemsOne_EmptyList_MustNotBeEmpty() =>
        AssertFault(Field("""{ "type": "array", "minItems": 1 }"""), """{ "v": [] }""", "$.v: must not be empty");

    [Fact]
    public void MinItemsTwo_OneItem_SaysHowMany() =>
        AssertFault(Field("""{ "type": "array", "minItems": 2 }"""), """{ "v": [1] }""", "$.v: must list at least 2 items");

    [Fact]
    public void MinItems_EnoughItems_AreAccepted() =>
        AssertAccepted(Field("""{ "type": "array", "minItems": 2 }"""), """{ "v": [1, 2] }""");

    [Fact]
    public void UniqueItems_SameValueTwice_IsRepeated() =>
        AssertFault(Field("""{ "type": "array", "uniqueItems": true }"""), """{ "v": ["raiser", "board-chair", "raiser"] }""",
            "$.v: must not list the same value twice");

    [Fact]
    public void UniqueItems_DistinctValues_AreAccepted() =>
        AssertAccepted(Field("""{ "type": "array", "uniqueItems": true }"""), """{ "v": ["raiser", "board-chair"] }""");

    [Fact]
    public void Ref_ThroughADefinitionThatRefersToAnother_ChecksTheLastOne()
    {
        const string Schema = """
            { "type": "object",
              "properties": { "v": { "$ref": "#/definitions/days" }, "list": { "type": "array", "items": { "$ref": "#/definitions/entry" } } },
              "definitions": {
                "days": { "description": "an alias", "$ref": "#/definitions/positive" },
                "positive": { "type": "integer", "minimum": 1 },
                "entry": { "type": "object", "properties": { "days": { "$ref": "#/definitions/days" } } } } }
            """;

        Assert.Equal(
            ["$.v: must be a positive whole number", "$.list[1].days: must be a positive whole number"],
            Faults(Schema, """{ "v": 0, "list": [{ "days": 3 }, { "days": -1 }] }"""));
        AssertAccepted(Schema, """{ "v": 2, "list": [{ "days": 3 }] }""");
    }

    private const string DeadlineSchema = """
        { "type": "object", "properties": { "v": { "$ref": "#/definitions/deadline" } },
          "definitions": {
            "positive": { "type": "integer", "minimum": 1 },
            "deadline": { "type": "object", "additionalProperties": false,
              "properties": { "workingDays": { "$ref": "#/definitions/positive" }, "hours": { "$ref": "#/definitions/positive" } },
              "oneOf": [{ "required": ["workingDays"] }, { "required": ["hours"] }] } } }
        """;

    [Fact]
    public void OneOf_NoBranchMatching_IsOneFaultNamingEachForm() =>
        AssertFault(DeadlineSchema, """{ "v": {} }""", "$.v: must have exactly one of workingDays or hours");

    [Fact]
    public void OneOf_TwoBranchesMatching_IsOneFaultNamingEachForm() =>
        AssertFault(DeadlineSchema, """{ "v": { "workingDays": 1, "hours": 2 } }""", "$.v: must have exactly one of workingDays or hours");

    [Fact]
    public void OneOf_ExactlyOneBranchMatching_IsAccepted() =>
        AssertAccepted(DeadlineSchema, """{ "v": { "hours": 4 } }""");

    [Fact]
    public void OneOf_BranchesWithoutRequiredFields_SaysAllowedForms() =>
        AssertFault(Field("""{ "oneOf": [{ "type": "string" }, { "type": "integer" }] }"""), """{ "v": 1.5 }""",
            "$.v: must match exactly one of its allowed forms");

    [Fact]
    public void SeveralFaults_ReportedInDocumentOrder_EachObjectsMissingFieldsFirst()
    {
        const string Schema = """
            { "type": "object", "additionalProperties": false, "required": ["a", "z"],
              "properties": {
                "a": { "type": "object", "required": ["q"], "properties": { "r": { "type": "string" } } },
                "b": { "type": "integer", "minimum": 1 },
                "z": { "type": "string" } } }
            """;
        const string Json = """
            {
              "b": 0,
              "x": 1,
              "a": { "r": 1 },
              "y": 2
            }
            """;

        Assert.Equal(
            [
                "$.z: is required",
                "$.b: must be a positive whole number",
                "$.x: is not a recognised field",
                "$.a.q: is required",
                "$.a.r: must be text",
                "$.y: is not a recognised field",
            ],
            Faults(Schema, Json));
    }

    [Fact]
    public void MaxLength_AKeywordTheShippedSchemasDoNotUse_IsStillCheckedAndWorded() =>
        AssertFault(Field("""{ "type": "string", "maxLength": 3 }"""), """{ "v": "four" }""", "$.v: must be at most 3 characters long");

    // Keywords the shipped schemas do not use still fail the check, in the library's words where we have none.
    [Theory]
    [InlineData("""{ "not": { "type": "integer" } }""", """{ "v": 1 }""", "$.v")]
    [InlineData("""{ "anyOf": [{ "type": "string" }, { "type": "boolean" }] }""", """{ "v": 1 }""", "$.v")]
    [InlineData("""{ "if": { "type": "integer" }, "then": { "minimum": 5 } }""", """{ "v": 1 }""", "$.v")]
    [InlineData("""{ "contains": { "type": "string" } }""", """{ "v": [1, 2] }""", "$.v")]
    [InlineData("""{ "propertyNames": { "pattern": "^[a-z]+$" } }""", """{ "v": { "Bad": 1 } }""", "$.v")]
    [InlineData("""false""", """{ "v": 1 }""", "$.v")]
    public void OtherKeyword_Failing_IsReportedAtTheValue(string fieldSchema, string json, string path)
    {
        var faults = Faults(Field(fieldSchema), json);

        Assert.NotEmpty(faults);
        Assert.All(faults, f => Assert.StartsWith(path, f, StringComparison.Ordinal));
    }

    [Fact]
    public void AnyOf_NoFormMatching_IsOneFault() =>
        AssertFault(Field("""{ "anyOf": [{ "type": "string" }, { "type": "boolean" }] }"""), """{ "v": 1 }""",
            "$.v: must match at least one of its allowed forms");

    [Fact]
    public void Not_ValueRuledOut_IsOneFault() =>
        AssertFault(Field("""{ "not": { "enum": [0] } }"""), """{ "v": 0 }""", "$.v: is a value its schema rules out");

    [Theory]
    [InlineData("""{ "properties": { "v": { "minimun": 1 } } }""", "minimun")]
    [InlineData("""{ "$schema": "http://json-schema.org/draft-07/schema#", "requried": ["a"] }""", "requried")]
    public void FromJson_KeywordDraft07DoesNotHave_IsRefusedNamingTheSchemaFileAndTheKeyword(string schema, string keyword)
    {
        var ex = Assert.Throws<PolicyValidationException>(() => PolicySchema.FromJson(schema));

        Assert.Equal(PolicySchema.FileName, ex.File);
        Assert.Contains(keyword, ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_GuideSchemaWithAKeywordDraft07DoesNotHave_NamesTheGuideSchemaFile()
    {
        var ex = Assert.Throws<PolicyValidationException>(() => DecisionGuideSchema.FromJson("""{ "propertyNamez": {} }"""));

        Assert.Equal(DecisionGuideSchema.FileName, ex.File);
        Assert.Contains("propertyNamez", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_SchemaOfAnotherDraft_IsRefusedAtItsSchemaField()
    {
        var ex = Assert.Throws<PolicyValidationException>(
            () => PolicySchema.FromJson("""{ "$schema": "https://json-schema.org/draft/2020-12/schema" }"""));

        Assert.Equal("$.$schema", ex.JsonPath);
    }

    [Fact]
    public void FromJson_KeywordBesideRef_IsAppliedRatherThanIgnored() =>
        AssertFault("""{ "properties": { "v": { "$ref": "#/definitions/d", "minimum": 2 } }, "definitions": { "d": {} } }""",
            """{ "v": 1 }""", "$.v: must be at least 2");

    [Fact]
    public void FromJson_RefToAnotherFile_IsRefusedAtTheRef()
    {
        var ex = Assert.Throws<PolicyValidationException>(() => PolicySchema.FromJson(
            """{ "properties": { "v": { "$ref": "other.schema.json#/definitions/d" } } }"""));

        Assert.Equal("$.properties.v.$ref", ex.JsonPath);
    }

    [Fact]
    public void FromJson_RefToAnUndefinedName_IsRefusedAtTheRef()
    {
        var ex = Assert.Throws<PolicyValidationException>(() => PolicySchema.FromJson(
            """{ "properties": { "v": { "$ref": "#/definitions/missing" } } }"""));

        Assert.Equal("$.properties.v.$ref", ex.JsonPath);
        Assert.Contains("#/definitions/missing", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_RefsThatLoop_AreRefused()
    {
        var ex = Assert.Throws<PolicyValidationException>(() => PolicySchema.FromJson(
            """{ "definitions": { "a": { "$ref": "#/definitions/b" }, "b": { "oneOf": [{ "$ref": "#/definitions/a" }] } } }"""));

        Assert.Equal(PolicySchema.FileName, ex.File);
    }

    [Fact]
    public void FromJson_NotJson_IsRefusedAtTheRootAsNotAValidSchema()
    {
        var ex = Assert.Throws<PolicyValidationException>(() => PolicySchema.FromJson("{ \"type\": "));

        Assert.Equal("$", ex.JsonPath);
        Assert.StartsWith("is not a valid JSON Schema: ", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ShippedSchemas_AreValidDraft07()
    {
        Assert.NotNull(PolicySchema.Load(RepoPaths.Workflows));
        Assert.NotNull(DecisionGuideSchema.Load(RepoPaths.Workflows));
    }
}
