using SamPerms.Cli.Inputs;

namespace SamPerms.Tests.Cli;

/// <summary>
/// Many paths of one folder (as a shell's glob gives them) are told apart as files, folders and links to folders
/// from one listing of the folder, with the same result as asking each: folders give the templates below them.
/// </summary>
public sealed class ManyInputsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("samperms-many-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Files_folders_links_and_missing_paths_of_one_folder()
    {
        var given = new List<string>();
        for (int i = 0; i < 20; i++)
        {
            var file = Path.Combine(_dir, $"t{i:00}.yaml");
            File.WriteAllText(file, "Resources: {}\n");
            given.Add(file);
        }

        var svc = Directory.CreateDirectory(Path.Combine(_dir, "svc.yaml")).FullName; // a folder named like a template
        File.WriteAllText(Path.Combine(svc, "template.yaml"), "Resources: {}\n");
        var link = Path.Combine(_dir, "link");
        Directory.CreateSymbolicLink(link, svc);
        var missing = Path.Combine(_dir, "missing.yaml");
        given.InsertRange(3, [svc, link, missing, svc + Path.DirectorySeparatorChar]);

        var found = TemplateInputs.Many(given, out var error);

        Assert.Null(error);
        var expected = given.Take(3).Concat([Path.Combine(svc, "template.yaml"), Path.Combine(link, "template.yaml"), missing]).Concat(given.Skip(7)).ToList();
        Assert.Equal(expected, found!.Select(p => p.Replace('/', Path.DirectorySeparatorChar)).ToList());
    }
}
