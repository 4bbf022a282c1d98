namespace Kepu.Web.Infrastructure.Errors;

/// <summary>
/// A business rule was broken (HTTP 409). The message is Chinese and shown to the user. Not sealed: a feature may derive
/// a more specific exception that carries data for its callers (e.g. <c>AssignmentImpossibleException</c>).
/// </summary>
public class BusinessRuleException(string message) : Exception(message);

/// <summary>The thing asked for does not exist (HTTP 404).</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>The caller may not do this (HTTP 403), e.g. a district administrator acting on another district.</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>Input failed validation (HTTP 400) with per-field Chinese messages.</summary>
public sealed class ValidationFailedException(IDictionary<string, string[]> errors)
    : Exception("提交的信息有误，请按提示修改。")
{
    public IDictionary<string, string[]> Errors { get; } = errors;
}
