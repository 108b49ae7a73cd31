using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Iam;

namespace SamPerms.Sam.GraphQLApi;

/// <summary>
/// DynamoDB and Lambda data sources. Unless given a ServiceRoleArn, each gets a role AppSync assumes and a
/// connector from the data source to its table (Read/Write as asked, both by default) or function (Write).
/// </summary>
public sealed partial class SamGraphQLApi
{
    private List<CfnResource> ConstructDataSources(MapNode dataSources, Node apiId, TransformContext ctx)
    {
        var resources = new List<CfnResource>();
        if (Value(dataSources, "DynamoDb") is MapNode tables)
        {
            foreach (var e in tables.Entries)
            {
                resources.AddRange(DynamoDbDataSource(e.Key, (MapNode)e.Value, apiId, ctx));
            }
        }

        if (Value(dataSources, "Lambda") is MapNode functions)
        {
            foreach (var e in functions.Entries)
            {
                resources.AddRange(LambdaDataSource(e.Key, (MapNode)e.Value, apiId, ctx));
            }
        }

        return resources;
    }

    private List<CfnResource> DynamoDbDataSource(string relativeId, MapNode source, Node apiId, TransformContext ctx)
    {
        var id = $"{LogicalId}{relativeId}DynamoDBDataSource";
        var path = $"DataSources.DynamoDb.{relativeId}";
        var dataSource = NewDataSource(id, relativeId, source, "AMAZON_DYNAMODB", apiId, path);
        var region = Py.Truthy(Value(source, "Region")) ? Value(source, "Region")! : N.Ref("AWS::Region");
        var config = N.Map(("AwsRegion", region), ("TableName", Value(source, "TableName") ?? NullNode.Instance));
        foreach (var flag in new[] { "UseCallerCredentials", "Versioned" })
        {
            if (Py.Truthy(Value(source, flag)))
            {
                config.Set(flag, Value(source, flag)!);
            }
        }

        if (Value(source, "DeltaSync") is MapNode deltaSync)
        {
            config.Set("DeltaSyncConfig", deltaSync);
        }

        dataSource["DynamoDBConfig"] = config;
        var resources = new List<CfnResource> { dataSource };
        if (Py.Truthy(Value(source, "ServiceRoleArn")))
        {
            dataSource["ServiceRoleArn"] = Value(source, "ServiceRoleArn");
        }
        else
        {
            var tableArn = Py.Truthy(Value(source, "TableArn")) ? Value(source, "TableArn")! : TableArn(source);
            var permissions = Py.Truthy(Value(source, "Permissions")) ? Value(source, "Permissions")! : N.Seq("Read", "Write");
            var role = DataSourceRole(id, path);
            dataSource["ServiceRoleArn"] = role.GetAtt("Arn");
            resources.Add(role);
            resources.AddRange(DataSourceConnector($"{id}ToTableConnector", dataSource, role, "AWS::DynamoDB::Table", tableArn, permissions, ctx, path));
        }

        _dataSourceNames[relativeId] = dataSource.GetAtt("Name");
        return resources;
    }

    private List<CfnResource> LambdaDataSource(string relativeId, MapNode source, Node apiId, TransformContext ctx)
    {
        var id = $"{LogicalId}{relativeId}LambdaDataSource";
        var path = $"DataSources.Lambda.{relativeId}";
        var dataSource = NewDataSource(id, relativeId, source, "AWS_LAMBDA", apiId, path);
        var functionArn = Value(source, "FunctionArn") ?? NullNode.Instance;
        dataSource["LambdaConfig"] = N.Map(("LambdaFunctionArn", functionArn));
        var resources = new List<CfnResource> { dataSource };
        if (Py.Truthy(Value(source, "ServiceRoleArn")))
        {
            dataSource["ServiceRoleArn"] = Value(source, "ServiceRoleArn");
        }
        else
        {
            var role = DataSourceRole(id, path);
            dataSource["ServiceRoleArn"] = role.GetAtt("Arn");
            resources.Add(role);
            resources.AddRange(DataSourceConnector($"{id}ToLambdaConnector", dataSource, role, "AWS::Lambda::Function", functionArn, N.Seq("Write"), ctx, path));
        }

        _dataSourceNames[relativeId] = dataSource.GetAtt("Name");
        return resources;
    }

    private CfnResource NewDataSource(string id, string relativeId, MapNode source, string type, Node apiId, string path)
    {
        var dataSource = NewResource(id, "AWS::AppSync::DataSource", path);
        var name = Value(source, "Name");
        dataSource["Name"] = Py.Truthy(name) ? name : new StringNode(relativeId);
        dataSource["Type"] = type;
        dataSource["ApiId"] = apiId;
        dataSource["Description"] = Value(source, "Description");
        return dataSource;
    }

    private CfnResource DataSourceRole(string dataSourceId, string path)
    {
        var role = NewResource($"{dataSourceId}Role", "AWS::IAM::Role", path);
        role["AssumeRolePolicyDocument"] = IamPolicies.AssumeRoleForService("appsync.amazonaws.com");
        return role;
    }

    private IList<CfnResource> DataSourceConnector(string connectorId, CfnResource dataSource, CfnResource role, string destinationType, Node destinationArn, Node permissions, TransformContext ctx, string path)
    {
        var connector = N.Map(
            ("Type", "AWS::Serverless::Connector"),
            ("Properties", N.Map(
                ("Source", N.Map(("Type", "AWS::AppSync::DataSource"), ("Arn", dataSource.GetAtt("DataSourceArn")), ("RoleName", role.Ref()))),
                ("Destination", N.Map(("Type", destinationType), ("Arn", destinationArn))),
                ("Permissions", permissions))));
        return RunConnector(connectorId, connector, ctx, path);
    }

    /// <summary>The table's ARN from its name and region (the stack's region unless given).</summary>
    private static MapNode TableArn(MapNode source)
    {
        var region = Py.Truthy(Value(source, "Region")) ? Value(source, "Region")! : N.Ref("AWS::Region");
        return N.Sub(
            "arn:${AWS::Partition}:dynamodb:${__Region__}:${AWS::AccountId}:table/${__TableName__}",
            N.Map(("__TableName__", Value(source, "TableName") ?? NullNode.Instance), ("__Region__", region)));
    }
}
