using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Escalation.Web.Pages.Govuk;

/// <summary>
/// GOV.UK's error summary: "There is a problem", then each error as a link to its field. Every error of a field is listed; errors under the empty key
/// (not about one field) are listed as text. Renders nothing when the page has no errors.
/// </summary>
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>
    /// The page's fields in the order they appear, so the summary lists errors in that order: the model state does not
    /// keep the order errors were added in. Fields not named here follow, in the model state's order.
    /// </summary>
    public IReadOnlyList<string>? Fields { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = null;
        var errors = ViewContext.ViewData.ModelState
            .SelectMany(entry => entry.Value!.Errors.Select(error => (Key: entry.Key, Message: error.ErrorMessage)))
            .OrderBy(error => Position(error.Key))
            .ToList();
        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        var html = new StringBuilder("<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\"><div role=\"alert\">")
            .Append("<h2 class=\"govuk-error-summary__title\">There is a problem</h2><div class=\"govuk-error-summary__body\">")
            .Append("<ul class=\"govuk-list govuk-error-summary__list\">");
        foreach (var (key, message) in errors)
        {
            var text = HtmlEncoder.Default.Encode(message);
            html.Append(key.Length == 0 ? $"<li>{text}</li>" : $"<li><a href=\"#{Ids.For(key)}\">{text}</a></li>");
        }

        html.Append("</ul></div></div></div>");
        output.Content.SetHtmlContent(html.ToString());
    }

    private int Position(string key)
    {
        var index = -1;
        for (var i = 0; Fields is not null && i < Fields.Count && index < 0; i++)
        {
            if (string.Equals(Fields[i], key, StringComparison.OrdinalIgnoreCase))
                index = i;
        }

        return index < 0 ? int.MaxValue : index;
    }
}
