using System.Reflection;
using SamPerms.Sam;
using SamPerms.Validation.Schema;

namespace SamPerms.Tests.Pipeline;

/// <summary>
/// The schema's AWS::Serverless types and the types the transform expands are one list: a transform looks a type up
/// in the transform's registry and reads the schema only for a type the registry lacks (a misspelling, SP2101).
/// </summary>
public sealed class SamTypeListsTests
{
    [Fact]
    public void The_schema_knows_exactly_the_sam_types_the_transform_expands()
    {
        var field = typeof(SamResourceTypes).GetField("Factories", BindingFlags.NonPublic | BindingFlags.Static)!;
        var expanded = ((System.Collections.IDictionary)field.GetValue(null)!).Keys.Cast<string>().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(11, expanded.Count);
        Assert.Equal(expanded, SamResourceSchema.Types.Keys.Order(StringComparer.Ordinal));
        Assert.All(expanded, t => Assert.True(SamResourceTypes.CanResolve(t), t));
    }
}
