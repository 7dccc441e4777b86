using System.Text;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Escalation.Web.Pages.Govuk;

/// <summary>
/// GOV.UK radios in a fieldset: <c>&lt;govuk-radios for="Track" label="Which track?" items="Model.Tracks" /&gt;</c>.
/// With <c>reveal="urgent"</c>, the element's content (a follow-up question) is a conditional reveal of that choice:
/// shown when it is chosen, and always shown when JavaScript is off. With <c>reveal-any="Model.Values"</c>, any of those
/// choices opens the same reveal, which stands after the last of them.
/// </summary>
[HtmlTargetElement("govuk-radios")]
public sealed class RadiosTagHelper : GovukField
{
    public IEnumerable<Choice> Items { get; set; } = [];

    public bool Inline { get; set; }

    /// <summary>The value of the choice that reveals the element's content.</summary>
    public string? Reveal { get; set; }

    /// <summary>The values of the choices that each reveal the element's content.</summary>
    public IEnumerable<string>? RevealAny { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        string[] revealing = [.. RevealAny ?? [], .. Reveal is null ? [] : new[] { Reveal }];
        var reveal = revealing.Length == 0 ? null
            : new ChoiceList.Conditional(revealing, $"conditional-{Id}", (await output.GetChildContentAsync()).GetContent());
        var html = new StringBuilder(FormGroupStart());
        FieldsetStart(html);
        HintAndError(html);
        html.Append("<div class=\"govuk-radios").Append(Inline ? " govuk-radios--inline" : string.Empty).Append("\" data-module=\"govuk-radios\">");
        ChoiceList.Append(html, "radio", "govuk-radios", Id, E(Name), Items, value => value == Value, reveal);
        html.Append("</div></fieldset></div>");
        Write(output, html);
    }
}

/// <summary>GOV.UK checkboxes in a fieldset; the model is the list of chosen values.</summary>
[HtmlTargetElement("govuk-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class CheckboxesTagHelper : GovukField
{
    public IEnumerable<Choice> Items { get; set; } = [];

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var chosen = ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.RawValue is not null
            ? entry.RawValue switch { string one => [one], string[] many => many, _ => [] }
            : (For.Model as IEnumerable<string>)?.ToArray() ?? [];
        var html = new StringBuilder(FormGroupStart());
        FieldsetStart(html);
        HintAndError(html);
        html.Append("<div class=\"govuk-checkboxes\" data-module=\"govuk-checkboxes\">");
        ChoiceList.Append(html, "checkbox", "govuk-checkboxes", Id, E(Name), Items, chosen.Contains);
        html.Append("</div></fieldset></div>");
        Write(output, html);
    }
}

internal static class ChoiceList
{
    /// <summary>Content revealed when any of the choices <paramref name="Values"/> is chosen, in a container with id <paramref name="Id"/>.</summary>
    public sealed record Conditional(IReadOnlyList<string> Values, string Id, string Html);

    public static void Append(StringBuilder html, string type, string block, string id, string name, IEnumerable<Choice> items, Func<string, bool> isChosen,
        Conditional? conditional = null)
    {
        var all = items.ToList();
        // The revealed content stands after the last choice that opens it (after the only one, usually).
        var revealAfter = conditional is null ? null : all.LastOrDefault(i => conditional.Values.Contains(i.Value))?.Value;
        var n = 0;
        foreach (var item in all)
        {
            n++;
            var itemId = n == 1 ? id : $"{id}-{n}";
            html.Append("<div class=\"").Append(block).Append("__item\"><input class=\"").Append(block).Append("__input\" id=\"").Append(itemId)
                .Append("\" name=\"").Append(name).Append("\" type=\"").Append(type).Append("\" value=\"")
                .Append(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(item.Value)).Append('"')
                .Append(isChosen(item.Value) ? " checked" : string.Empty);
            if (item.Hint is not null)
                html.Append(" aria-describedby=\"").Append(itemId).Append("-item-hint\"");
            var reveals = conditional is not null && conditional.Values.Contains(item.Value);
            // Our own script (conditional-reveal.js) opens and closes it. GOV.UK Frontend's would, for any radio with
            // aria-controls, add aria-expanded, which ARIA does not allow on a radio (axe's aria-allowed-attr).
            if (reveals)
                html.Append(" data-app-reveals=\"").Append(conditional!.Id).Append('"');
            html.Append("><label class=\"govuk-label ").Append(block).Append("__label\" for=\"").Append(itemId).Append("\">")
                .Append(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(item.Text)).Append("</label>");
            if (item.Hint is not null)
                html.Append("<div id=\"").Append(itemId).Append("-item-hint\" class=\"govuk-hint ").Append(block).Append("__hint\">")
                    .Append(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(item.Hint)).Append("</div>");
            html.Append("</div>");
            if (reveals && item.Value == revealAfter)
            {
                // GOV.UK Frontend hides it only once its script runs; it stays open when one of its choices is already made.
                html.Append("<div class=\"").Append(block).Append("__conditional")
                    .Append(conditional!.Values.Any(isChosen) ? string.Empty : $" {block}__conditional--hidden").Append("\" id=\"").Append(conditional!.Id).Append("\">")
                    .Append(conditional.Html).Append("</div>");
            }
        }
    }
}
