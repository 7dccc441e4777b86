using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escalation.Web.Pages.Admin;

/// <summary>CSV import of people: every row is checked, and either all are added (in one transaction) or none.</summary>
internal sealed class ImportPeopleModel(PeopleDirectory directory) : PageModel
{
    private const long MaxBytes = 1024 * 1024;
    private static readonly string[] RequiredColumns = ["name", "email", "agency", "roles"];

    [BindProperty]
    public IFormFile? CsvFile { get; set; }

    [TempData]
    public string? Banner { get; set; }

    public IReadOnlyList<PersonProblem> Problems { get; private set; } = [];

    public string? FileError => ModelState.TryGetValue(nameof(CsvFile), out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;


    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (CsvFile is null || CsvFile.Length == 0)
            return Fail("Select a CSV file");
        if (CsvFile.Length > MaxBytes)
            return Fail("The file must be smaller than 1 MB");

        List<(int Line, PersonInput Person)> rows;
        try
        {
            rows = Read(CsvFile);
        }
        catch (CsvHelperException ex) when (ex is HeaderValidationException or BadDataException or ReaderException or ParserException)
        {
            return Fail("The file is not a CSV file that can be read. Save it from your spreadsheet as 'CSV (comma delimited)' and try again.");
        }
        catch (InvalidDataException ex)
        {
            return Fail(ex.Message);
        }

        if (rows.Count == 0)
            return Fail("The file has no people in it, only the first row of column names");
        if (rows.Count > PeopleDirectory.MaxPeople)
            return Fail($"The file can add at most {PeopleDirectory.MaxPeople:N0} people at a time");

        var problems = await directory.AddAsync([.. rows.Select(r => r.Person)], ct);
        if (problems.Count == 0)
        {
            Banner = $"{rows.Count} {(rows.Count == 1 ? "person has" : "people have")} been added and sent an invitation.";
            return Redirect("/admin/people");
        }

        Problems = [.. problems.Select(p => p with { Row = rows[p.Row - 1].Line })];
        ModelState.AddModelError(nameof(CsvFile), $"The file has {Problems.Count} {(Problems.Count == 1 ? "problem" : "problems")}, so nobody has been added. Fix the file and upload it again.");
        foreach (var problem in Problems)
            ModelState.AddModelError(nameof(CsvFile), $"Row {problem.Row}, {problem.Field}: {problem.Message}");
        return Page();
    }

    private PageResult Fail(string message)
    {
        ModelState.AddModelError(nameof(CsvFile), message);
        return Page();
    }

    /// <summary>Reads the rows; each keeps its line in the file (the column names are line 1), for the error messages.</summary>
    private static List<(int Line, PersonInput Person)> Read(IFormFile file)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = args => args.Header.Trim().ToLowerInvariant().Replace(' ', '_'),
            TrimOptions = TrimOptions.Trim,
            MissingFieldFound = null,
            DetectDelimiter = true,
        };
        using var reader = new StreamReader(file.OpenReadStream());
        using var csv = new CsvReader(reader, config);
        if (!csv.Read() || !csv.ReadHeader())
            throw new InvalidDataException("The file is empty");
        var headers = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant().Replace(' ', '_')).ToHashSet();
        var missing = RequiredColumns.Where(c => !headers.Contains(c)).ToList();
        if (missing.Count > 0)
            throw new InvalidDataException($"The first row must name the columns. It is missing: {string.Join(", ", missing)}");

        var hasManager = headers.Contains("manager_email");
        var rows = new List<(int, PersonInput)>();
        while (csv.Read())
        {
            var roles = (csv.GetField("roles") ?? string.Empty).Split([';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            rows.Add((csv.Parser.Row, new PersonInput(csv.GetField("name"), csv.GetField("email"), csv.GetField("agency"), roles,
                hasManager ? csv.GetField("manager_email") : null)));
        }

        return rows;
    }
}
