using System.Reflection;

namespace Kepu.Web.Infrastructure.Data;

/// <summary>Demo data files built into the application (<c>demo/…</c> resources), in name order.</summary>
public static class DemoFiles
{
    public static IEnumerable<(string Name, string Text)> Read(string prefix)
    {
        var assembly = Assembly.GetExecutingAssembly();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("demo/" + prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            yield return (name, reader.ReadToEnd());
        }
    }
}
