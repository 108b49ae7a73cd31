using SamPerms.Permissions;
using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Tests.Support;

namespace SamPerms.Tests.Permissions.Effective;

/// <summary>Builds the permission map of a small template written in a test, and asks it questions.</summary>
internal static class Effective
{
    public static PermissionMap Map(string yaml)
    {
        var outcome = Transform.Run(yaml);
        Assert.True(outcome.Succeeded, outcome.ErrorMessage);
        return PermissionMapBuilder.Build(outcome, new TransformOptions { Region = "us-east-1" });
    }

    public static AccessAnswer Can(string yaml, string subject, string action, string? resource)
    {
        var map = Map(yaml);
        return AccessQuery.Ask(map, map.Find(subject)!, action, resource);
    }
}
