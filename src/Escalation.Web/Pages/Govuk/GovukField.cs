using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Escalation.Web.Pages.Govuk;

/// <summary>
/// The parts every GOV.UK form field shares: the label or legend, the hint, the inline error, and the ids that tie them
/// together. The first input of a field has the field's own id, so the error summary's link lands on it.
/// </summary>
public abstract class GovukField : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = null!;

    public string Label { get; set; } = string.Empty;

    public string? Hint { get; set; }

    /// <summary>Makes the label or legend the page's one <c>h1</c> (one question per page).</summary>
    public bool IsPageHeading { get; set; }

    /// <summary>GOV.UK label size when it is not the page heading: s, m or l.</summary>
    public string? LabelSize { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    protected string Name => For.Name;

    /// <summary>Notes this field's place on the page, so the error summary can list errors in the fields' order.</summary>
    public override void Init(TagHelperContext context) => FieldOrder.Add(ViewContext.HttpContext, For.Name);

    protected string Id => Ids.For(For.Name);

    protected string HintId => Id + "-hint";

    protected string ErrorId => Id + "-error";

    protected string? Error => ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.Errors.Count > 0
        ? entry.Errors[0].ErrorMessage
        : null;

    /// <summary>What the person typed, if the page is shown again; otherwise the model's value.</summary>
    protected string Value => ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.AttemptedValue is { } attempted
        ? attempted
        : For.Model?.ToString() ?? string.Empty;

    protected string? DescribedBy => string.Join(' ', new[] { Hint is null ? null : HintId, Error is null ? null : ErrorId }.OfType<string>()) is { Length: > 0 } ids
        ? ids
        : null;

    protected static string E(string? text) => HtmlEncoder.Default.Encode(text ?? string.Empty);

    protected string FormGroupStart() => Error is null ? "<div class=\"govuk-form-group\">" : "<div class=\"govuk-form-group govuk-form-group--error\">";

    protected void HintAndError(StringBuilder html)
    {
        if (Hint is not null)
            html.Append("<div id=\"").Append(HintId).Append("\" class=\"govuk-hint\">").Append(E(Hint)).Append("</div>");
        if (Error is { } error)
            html.Append("<p id=\"").Append(ErrorId).Append("\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> ")
                .Append(E(error)).Append("</p>");
    }

    protected void LabelFor(StringBuilder html, string forId)
    {
        var size = IsPageHeading ? " govuk-label--l" : LabelSize is null ? string.Empty : " govuk-label--" + LabelSize;
        var label = $"<label class=\"govuk-label{size}\" for=\"{forId}\">{E(Label)}</label>";
        html.Append(IsPageHeading ? $"<h1 class=\"govuk-label-wrapper\">{label}</h1>" : label);
    }

    protected void FieldsetStart(StringBuilder html, bool isGroup = false)
    {
        html.Append("<fieldset class=\"govuk-fieldset\"");
        if (isGroup)
            html.Append(" role=\"group\"");
        if (DescribedBy is { } describedBy)
            html.Append(" aria-describedby=\"").Append(describedBy).Append('"');
        var size = IsPageHeading ? " govuk-fieldset__legend--l" : LabelSize is null ? string.Empty : " govuk-fieldset__legend--" + LabelSize;
        html.Append("><legend class=\"govuk-fieldset__legend").Append(size).Append("\">");
        html.Append(IsPageHeading ? $"<h1 class=\"govuk-fieldset__heading\">{E(Label)}</h1>" : E(Label));
        html.Append("</legend>");
    }

    protected static void Write(TagHelperOutput output, StringBuilder html)
    {
        output.TagName = null;
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Content.SetHtmlContent(html.ToString());
    }
}

/// <summary>Element ids from field names: <c>DecisionDate.Day</c> becomes <c>DecisionDate-Day</c>.</summary>
public static class Ids
{
    public static string For(string name) => name.Replace('.', '-').Replace('[', '-').Replace("]", string.Empty, StringComparison.Ordinal);
}

/// <summary>One option of a radios, checkboxes or select field.</summary>
public sealed record Choice(string Value, string Text, string? Hint = null);
