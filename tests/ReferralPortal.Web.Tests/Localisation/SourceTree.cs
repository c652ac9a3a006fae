using System.Xml.Linq;

namespace ReferralPortal.Web.Tests.Localisation;

/// <summary>The repository's source files, found from the test's output folder (for the resource and view checks).</summary>
internal static class SourceTree
{
    public static string Root { get; } = FindRoot();

    public static string Web => Path.Combine(Root, "src", "ReferralPortal.Web");

    public static string Resource(string culture = "") =>
        Path.Combine(Web, "Resources", culture.Length == 0 ? "SharedResource.resx" : $"SharedResource.{culture}.resx");

    /// <summary>The keys and values of a .resx file, read as plain XML.</summary>
    public static IReadOnlyDictionary<string, string> ReadResx(string path) =>
        XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty, StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ReferralPortal.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ReferralPortal.sln not found above " + AppContext.BaseDirectory);
    }
}
