namespace Kepu.Tests.Infrastructure;

/// <summary>Finds ../shared/data (beside the repository); the towns list is test data we may not copy in.</summary>
public static class SharedData
{
    public static string Path(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "data", file);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"shared/data/{file} not found above {AppContext.BaseDirectory}");
    }
}
