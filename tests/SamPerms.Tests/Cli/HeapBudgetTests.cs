using SamPerms.Cli;
using SamPerms.Cli.Io;
using SamPerms.Tests.Support;

namespace SamPerms.Tests.Cli;

/// <summary>
/// The collector's first budget follows the templates a command names when all are in flight at once: proportional
/// to their bytes, none for a longer batch or small templates (the collector's own is as large), capped by a fixed size and by a share of the memory
/// the process may use; the command line tells the entry point which templates it names, once parsed.
/// </summary>
public sealed class HeapBudgetTests
{
    private const long MiB = 1L << 20;

    [Fact]
    public void The_budget_is_proportional_to_the_input_between_the_floor_and_the_cap()
    {
        long plenty = 64L << 30;
        long atFloor = HeapBudget.Floor / HeapBudget.PerInputByte;
        Assert.Equal(0, HeapBudget.For(0, plenty));
        Assert.Equal(0, HeapBudget.For(atFloor - 1, plenty));
        Assert.Equal(HeapBudget.Floor, HeapBudget.For(atFloor, plenty));
        Assert.Equal(800_000 * HeapBudget.PerInputByte, HeapBudget.For(800_000, plenty));
        Assert.Equal(HeapBudget.Cap, HeapBudget.For(HeapBudget.Cap / HeapBudget.PerInputByte, plenty));
        Assert.Equal(HeapBudget.Cap, HeapBudget.For(32 * MiB, plenty));
        Assert.Equal(HeapBudget.Cap, HeapBudget.For(long.MaxValue, plenty)); // no overflow
    }

    [Fact]
    public void The_budget_takes_at_most_a_quarter_of_the_memory_the_process_may_use()
    {
        Assert.Equal(100 * MiB, HeapBudget.For(1 * MiB, 400 * MiB));
        Assert.Equal(0, HeapBudget.For(1 * MiB, 64 * MiB)); // a quarter is under the floor: the collector's own
    }

    [Fact]
    public void Templates_are_sized_when_all_are_in_flight_at_once_and_a_longer_batch_is_left_alone()
    {
        long plenty = 64L << 30;
        using var dir = new TempDir();
        var big = dir.Write("big.yaml", "# " + new string('x', 200_000) + "\n");
        var small = dir.Write("small.yaml", Samples.Function);
        long bigBytes = new FileInfo(big).Length;
        long smallBytes = new FileInfo(small).Length;
        Assert.Equal(bigBytes * HeapBudget.PerInputByte, HeapBudget.ForTemplates([big], 1, plenty));
        Assert.Equal((bigBytes + smallBytes) * HeapBudget.PerInputByte, HeapBudget.ForTemplates([big, small], 1, plenty)); // a diff holds both
        Assert.Equal((bigBytes + smallBytes) * HeapBudget.PerInputByte, HeapBudget.ForTemplates([big, small, dir.Path, "-", "*.yaml"], 8, plenty));
        Assert.Equal(0, HeapBudget.ForTemplates([big, small, small], 2, plenty)); // more than run at once: a batch
        Assert.Equal(0, HeapBudget.ForTemplates([small], 1, plenty)); // under the floor
        Assert.Equal(0, HeapBudget.ForTemplates([], 2, plenty));
    }

    [Theory]
    [InlineData("transform", "a.yaml", "b.yaml")]
    [InlineData("validate", "a.yaml", "b.yaml")]
    [InlineData("diff", "a.yaml", "b.yaml")]
    [InlineData("permissions", "a.yaml")]
    [InlineData("can", "a.yaml", "Fn", "s3:GetObject", "arn:aws:s3:::b/k")]
    public void The_entry_point_is_told_the_templates_a_command_names(string command, params string[] rest)
    {
        using var dir = new TempDir();
        var a = dir.Write("a.yaml", Samples.Function);
        var b = dir.Write("b.yaml", Samples.Function);
        var args = rest.Select(x => x switch { "a.yaml" => a, "b.yaml" => b, _ => x }).Prepend(command).ToArray();
        var named = Named(args);
        Assert.Equal(rest.Where(x => x.EndsWith(".yaml", StringComparison.Ordinal)).Select(x => x == "a.yaml" ? a : b), named);
    }

    [Fact]
    public void Templates_given_with_the_template_file_option_are_named_too()
    {
        using var dir = new TempDir();
        var a = dir.Write("a.yaml", Samples.Function);
        Assert.Equal([a], Named(["permissions", "-t", a]));
    }

    [Fact]
    public void A_command_line_that_does_not_parse_names_nothing()
    {
        Assert.Null(NamedOrNull(["permissions", "--no-such-option", "x.yaml"]));
        Assert.Null(NamedOrNull(["transform", "--help"]));
    }

    private static IReadOnlyList<string> Named(string[] args) =>
        NamedOrNull(args) ?? throw new InvalidOperationException("the entry point was not told");

    private static IReadOnlyList<string>? NamedOrNull(string[] args)
    {
        IReadOnlyList<string>? named = null;
        SamPermsCli.Run(args, new CliOutput(new StringWriter(), new StringWriter()), templates => named = templates);
        return named;
    }
}
