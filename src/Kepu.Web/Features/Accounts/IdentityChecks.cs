using Kepu.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Identity;

namespace Kepu.Web.Features.Accounts;

internal static class IdentityChecks
{
    /// <summary>Turns a failed Identity result into field errors (400) under the given field.</summary>
    public static void Ensure(IdentityResult result, string field)
    {
        if (!result.Succeeded)
        {
            var key = char.ToLowerInvariant(field[0]) + field[1..];
            throw new ValidationFailedException(new Dictionary<string, string[]>
            {
                [key] = result.Errors.Select(e => e.Description).ToArray(),
            });
        }
    }
}
