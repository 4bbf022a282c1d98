using System.ComponentModel.DataAnnotations;
using Kepu.Web.Infrastructure.Errors;

namespace Kepu.Web.Infrastructure.Validation;

/// <summary>
/// Collects field errors for a request record: its data annotations first, then the rules a use case adds.
/// Field names are camelCase, as the API client sent them.
/// </summary>
internal sealed class RequestValidator
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public static RequestValidator For(object request)
    {
        var validator = new RequestValidator();
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true);
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames.DefaultIfEmpty(string.Empty))
            {
                validator.Add(member, result.ErrorMessage ?? "输入无效。");
            }
        }

        return validator;
    }

    public bool HasErrors => _errors.Count > 0;

    public bool Has(string field) => _errors.ContainsKey(ToCamel(field));

    public void Add(string field, string message)
    {
        var key = ToCamel(field);
        if (!_errors.TryGetValue(key, out var list))
        {
            _errors[key] = list = [];
        }

        if (!list.Contains(message))
        {
            list.Add(message);
        }
    }

    public void ThrowIfInvalid()
    {
        if (HasErrors)
        {
            throw new ValidationFailedException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }

    private static string ToCamel(string name) =>
        string.IsNullOrEmpty(name) || char.IsLower(name[0]) ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
