using System.Text;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Escalation.Web.Pages.Govuk;

/// <summary>The day, month and year a person types, as text, so that a wrong entry can be shown back to them.</summary>
public sealed class DateParts
{
    public string? Day { get; set; }

    public string? Month { get; set; }

    public string? Year { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public static DateParts From(DateOnly? date) => date is { } d
        ? new DateParts { Day = d.Day.ToString(System.Globalization.CultureInfo.InvariantCulture), Month = d.Month.ToString(System.Globalization.CultureInfo.InvariantCulture), Year = d.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) }
        : new DateParts();

    /// <summary>The date, or null when the parts do not make a real date. The month may be a number or a name ("Dec", "December").</summary>
    public DateOnly? ToDate() =>
        int.TryParse(Day?.Trim(), System.Globalization.CultureInfo.InvariantCulture, out var day)
        && MonthNumber(Month) is { } month
        && int.TryParse(Year?.Trim(), System.Globalization.CultureInfo.InvariantCulture, out var year)
        && year is >= 1900 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    /// <summary>A month typed as a number (12) or as a name or its first three letters or more ("Dec", "dec", "December", "Sept").</summary>
    public static int? MonthNumber(string? text)
    {
        var trimmed = text?.Trim().TrimEnd('.');
        if (string.IsNullOrEmpty(trimmed))
            return null;
        if (int.TryParse(trimmed, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
            return number;
        if (trimmed.Length < 3)
            return null;
        var names = System.Globalization.CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;
        for (var i = 0; i < 12; i++)
        {
            if (names[i].StartsWith(trimmed, StringComparison.OrdinalIgnoreCase))
                return i + 1;
        }

        return null;
    }
}

/// <summary>GOV.UK's date input: three boxes in a fieldset. The model is a <see cref="DateParts"/>.</summary>
[HtmlTargetElement("govuk-date-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DateInputTagHelper : GovukField
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var parts = For.Model as DateParts ?? new DateParts();
        var html = new StringBuilder(FormGroupStart());
        FieldsetStart(html, isGroup: true);
        HintAndError(html);
        html.Append("<div class=\"govuk-date-input\" id=\"").Append(Id).Append("-group\">");
        Box(html, Id, "Day", parts.Day, "govuk-input--width-2");
        Box(html, Id + "-month", "Month", parts.Month, "govuk-input--width-2");
        Box(html, Id + "-year", "Year", parts.Year, "govuk-input--width-4");
        html.Append("</div></fieldset></div>");
        Write(output, html);
    }

    private void Box(StringBuilder html, string id, string part, string? value, string width)
    {
        html.Append("<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\"><label class=\"govuk-label govuk-date-input__label\" for=\"")
            .Append(id).Append("\">").Append(part).Append("</label><input class=\"govuk-input govuk-date-input__input ").Append(width)
            .Append(Error is null ? string.Empty : " govuk-input--error").Append("\" id=\"").Append(id).Append("\" name=\"").Append(E(Name)).Append('.')
            .Append(part).Append("\" type=\"text\" inputmode=\"numeric\" value=\"").Append(E(value)).Append("\"></div></div>");
    }
}
