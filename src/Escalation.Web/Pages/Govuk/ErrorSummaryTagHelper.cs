using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Escalation.Web.Pages.Govuk;

/// <summary>
/// GOV.UK's error summary: "There is a problem", then each error as a link to its field, in the order the fields stand
/// on the page. Every error of a field is listed; errors under the empty key (not about one field) are listed first, as
/// text. Renders nothing when the page has no errors.
/// </summary>
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = null;
        var errors = ViewContext.ViewData.ModelState
            .SelectMany(entry => entry.Value!.Errors.Select(error => (Key: entry.Key, Message: error.ErrorMessage)))
            .ToList();
        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        // The fields come after the summary on the page, so the list is written once the page has run and every field
        // has noted its place (FieldOrder). ModelState itself lists its entries in no useful order.
        output.Content.SetHtmlContent(new SummaryList(errors, ViewContext.HttpContext));
    }

    private sealed class SummaryList(List<(string Key, string Message)> errors, Microsoft.AspNetCore.Http.HttpContext httpContext) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            ArgumentNullException.ThrowIfNull(writer);
            var order = FieldOrder.Of(httpContext);
            int Place(string key) => key.Length == 0 ? -1 : order.IndexOf(key) is var i and >= 0 ? i : order.Count;
            var html = new StringBuilder("<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\"><div role=\"alert\">")
                .Append("<h2 class=\"govuk-error-summary__title\">There is a problem</h2><div class=\"govuk-error-summary__body\">")
                .Append("<ul class=\"govuk-list govuk-error-summary__list\">");
            foreach (var (key, message) in errors.Select((e, i) => (e, i)).OrderBy(x => Place(x.e.Key)).ThenBy(x => x.i).Select(x => x.e))
            {
                var text = HtmlEncoder.Default.Encode(message);
                html.Append(key.Length == 0 ? $"<li>{text}</li>" : $"<li><a href=\"#{Ids.For(key)}\">{text}</a></li>");
            }

            html.Append("</ul></div></div></div>");
            writer.Write(html.ToString());
        }
    }
}

/// <summary>The names of a page's form fields in the order they stand on it, kept for the request.</summary>
internal static class FieldOrder
{
    private static readonly object Key = new();

    public static void Add(Microsoft.AspNetCore.Http.HttpContext httpContext, string name)
    {
        var order = Of(httpContext);
        if (!order.Contains(name))
            order.Add(name);
    }

    public static List<string> Of(Microsoft.AspNetCore.Http.HttpContext httpContext)
    {
        if (httpContext.Items[Key] is not List<string> order)
            httpContext.Items[Key] = order = [];
        return order;
    }
}
