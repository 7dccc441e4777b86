using System.Text;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Escalation.Web.Pages.Govuk;

/// <summary>A GOV.UK text input: <c>&lt;govuk-input for="Email" label="Email address" type="email" autocomplete="email" /&gt;</c>.</summary>
[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class InputTagHelper : GovukField
{
    public string Type { get; set; } = "text";

    public string? Autocomplete { get; set; }

    /// <summary>Extra classes for the input, such as <c>govuk-input--width-10</c>.</summary>
    public string? InputClass { get; set; }

    public bool Spellcheck { get; set; } = true;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var html = new StringBuilder(FormGroupStart());
        LabelFor(html, Id);
        HintAndError(html);
        html.Append("<input class=\"govuk-input").Append(Error is null ? string.Empty : " govuk-input--error")
            .Append(InputClass is null ? string.Empty : " " + InputClass).Append("\" id=\"").Append(Id)
            .Append("\" name=\"").Append(E(Name)).Append("\" type=\"").Append(E(Type)).Append('"');
        if (Type != "password")
            html.Append(" value=\"").Append(E(Value)).Append('"');
        if (Autocomplete is not null)
            html.Append(" autocomplete=\"").Append(E(Autocomplete)).Append('"');
        if (!Spellcheck)
            html.Append(" spellcheck=\"false\"");
        if (DescribedBy is { } describedBy)
            html.Append(" aria-describedby=\"").Append(describedBy).Append('"');
        html.Append("></div>");
        Write(output, html);
    }
}

/// <summary>A GOV.UK textarea: <c>&lt;govuk-textarea for="Concern" label="..." rows="8" /&gt;</c>.</summary>
[HtmlTargetElement("govuk-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class TextareaTagHelper : GovukField
{
    public int Rows { get; set; } = 5;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var html = new StringBuilder(FormGroupStart());
        LabelFor(html, Id);
        HintAndError(html);
        html.Append("<textarea class=\"govuk-textarea").Append(Error is null ? string.Empty : " govuk-textarea--error")
            .Append("\" id=\"").Append(Id).Append("\" name=\"").Append(E(Name)).Append("\" rows=\"").Append(Rows).Append('"');
        if (DescribedBy is { } describedBy)
            html.Append(" aria-describedby=\"").Append(describedBy).Append('"');
        html.Append('>').Append(E(Value)).Append("</textarea></div>");
        Write(output, html);
    }
}

/// <summary>A GOV.UK select, for long lists in administration pages.</summary>
[HtmlTargetElement("govuk-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class SelectTagHelper : GovukField
{
    public IEnumerable<Choice> Items { get; set; } = [];

    /// <summary>The text of a first, empty option, if the field may be left empty.</summary>
    public string? EmptyText { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var html = new StringBuilder(FormGroupStart());
        LabelFor(html, Id);
        HintAndError(html);
        html.Append("<select class=\"govuk-select").Append(Error is null ? string.Empty : " govuk-select--error")
            .Append("\" id=\"").Append(Id).Append("\" name=\"").Append(E(Name)).Append('"');
        if (DescribedBy is { } describedBy)
            html.Append(" aria-describedby=\"").Append(describedBy).Append('"');
        html.Append('>');
        if (EmptyText is not null)
            html.Append("<option value=\"\">").Append(E(EmptyText)).Append("</option>");
        foreach (var item in Items)
        {
            html.Append("<option value=\"").Append(E(item.Value)).Append('"').Append(item.Value == Value ? " selected" : string.Empty)
                .Append('>').Append(E(item.Text)).Append("</option>");
        }

        html.Append("</select></div>");
        Write(output, html);
    }
}
