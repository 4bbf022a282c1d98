using Kepu.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Kepu.Web.Infrastructure.Web;

internal static class PageErrors
{
    /// <summary>Puts a use case's field errors next to the form fields (<c>userName</c> → <c>Input.UserName</c>).</summary>
    public static void Apply(this ModelStateDictionary modelState, ValidationFailedException e, string prefix = "Input")
    {
        modelState.Clear();
        foreach (var (field, messages) in e.Errors)
        {
            var key = field.Length == 0 ? string.Empty : $"{prefix}.{char.ToUpperInvariant(field[0])}{field[1..]}";
            foreach (var message in messages)
            {
                modelState.AddModelError(key, message);
            }
        }
    }

    /// <summary>The messages for one form field, for pages that render fields by hand.</summary>
    public static string? ErrorFor(this ModelStateDictionary modelState, string key) =>
        modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;

    /// <summary>A refused action shown above the form: every field message of a validation error, or the rule's message.</summary>
    public static void AddProblem(this ModelStateDictionary modelState, Exception e) =>
        modelState.AddModelError(string.Empty, e is ValidationFailedException v ? string.Join(" ", v.Errors.SelectMany(x => x.Value)) : e.Message);
}
