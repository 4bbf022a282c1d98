using Kepu.Web.Features.Debunk.Entities;

namespace Kepu.Web.Features.Debunk.Pages;

/// <summary>Verdicts never rely on colour alone: each has a word and a symbol.</summary>
public static class VerdictUi
{
    public static string Icon(string verdict) => verdict switch
    {
        Verdicts.Rumor => "✕",
        Verdicts.Misleading => "!",
        Verdicts.Unproven => "?",
        Verdicts.True => "✓",
        _ => "·",
    };
}
