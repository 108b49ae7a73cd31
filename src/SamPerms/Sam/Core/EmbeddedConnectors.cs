namespace SamPerms.Sam.Core;

/// <summary>
/// The reference turns each resource's embedded <c>Connectors</c> into AWS::Serverless::Connector resources
/// before expanding anything. Not built yet: the connector issue fills this in.
/// </summary>
internal static class EmbeddedConnectors
{
    public static void Expand(TransformContext ctx)
    {
        _ = ctx;
    }
}
