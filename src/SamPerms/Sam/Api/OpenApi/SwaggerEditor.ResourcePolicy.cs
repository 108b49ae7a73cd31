using System.Text.RegularExpressions;
using SamPerms.Model;
using SamPerms.Model.Py27;

namespace SamPerms.Sam.Api.OpenApi;

public sealed partial class SwaggerEditor
{
    /// <summary>
    /// Turns the ResourcePolicy shorthand (account, IP range and VPC allow/deny lists) into statements of the
    /// API's x-amazon-apigateway-policy, each scoped to the path's methods on the stage.
    /// </summary>
    public void AddResourcePolicy(Node? resourcePolicy, PyName path, Node? stage)
    {
        if (resourcePolicy is null or NullNode)
        {
            return;
        }

        var policy = ValidateIsDict(resourcePolicy, "Resource Policy is not a valid dictionary.");
        var accountWhitelist = policy.Get("AwsAccountWhitelist");
        var accountBlacklist = policy.Get("AwsAccountBlacklist");
        var ipWhitelist = policy.Get("IpRangeWhitelist");
        var ipBlacklist = policy.Get("IpRangeBlacklist");
        var vpcWhitelist = policy.Get("SourceVpcWhitelist");
        var vpcBlacklist = policy.Get("SourceVpcBlacklist");
        var intrinsicVpcWhitelist = policy.Get("IntrinsicVpcWhitelist");
        var intrinsicVpceWhitelist = policy.Get("IntrinsicVpceWhitelist");
        var intrinsicVpcBlacklist = policy.Get("IntrinsicVpcBlacklist");
        var intrinsicVpceBlacklist = policy.Get("IntrinsicVpceBlacklist");

        if (IsSet(accountWhitelist))
        {
            AddIamStatement(accountWhitelist!, "Allow", MethodPathUriList(path, stage));
        }

        if (IsSet(accountBlacklist))
        {
            AddIamStatement(accountBlacklist!, "Deny", MethodPathUriList(path, stage));
        }

        if (IsSet(ipWhitelist))
        {
            AddIpStatements(ipWhitelist!, "NotIpAddress", MethodPathUriList(path, stage));
        }

        if (IsSet(ipBlacklist))
        {
            AddIpStatements(ipBlacklist!, "IpAddress", MethodPathUriList(path, stage));
        }

        if (!IsListOfStrings(vpcBlacklist))
        {
            throw EditorErrors.Document("SourceVpcBlacklist must be a list of strings. Use IntrinsicVpcBlacklist instead for values that use Intrinsic Functions", vpcBlacklist);
        }

        var resources = MethodPathUriList(path, stage);
        AddVpcStatements(vpcBlacklist, intrinsicVpcBlacklist, intrinsicVpceBlacklist, "StringEquals", resources, "Blacklist");

        if (!IsListOfStrings(vpcWhitelist))
        {
            throw EditorErrors.Document("SourceVpcWhitelist must be a list of strings. Use IntrinsicVpcWhitelist instead for values that use Intrinsic Functions", vpcWhitelist);
        }

        AddVpcStatements(vpcWhitelist, intrinsicVpcWhitelist, intrinsicVpceWhitelist, "StringNotEquals", resources, "Whitelist");
        Doc.Set(PolicyKey, ResourcePolicy);
    }

    public void AddCustomStatements(Node? customStatements)
    {
        AddCustomStatement(customStatements);
        Doc.Set(PolicyKey, ResourcePolicy);
    }

    private static bool IsSet(Node? n) => n is not null and not NullNode;

    /// <summary>
    /// The reference's _validate_list_property_is_resolved: None, or every item a string, items as Python loops
    /// over the value (a string's characters, a map's keys); a value it cannot loop over fails there, refused here.
    /// </summary>
    private static bool IsListOfStrings(Node? n) =>
        n is null or NullNode || (Py.Iterate(n) is { } items && items.All(i => i is StringNode));

    /// <summary>
    /// The document's policy, which SAM adds statements to; the reference fails with a Python error when the
    /// document has one that is not a map, refused here in the editors' words.
    /// </summary>
    private MapNode Policy => ResourcePolicy as MapNode
        ?? throw EditorErrors.Document($"Value of '{PolicyKey}' must be a dictionary according to Swagger spec.", _resourcePolicy);

    /// <summary>The document's policy, an empty dict when it has none (or an empty one), as the reference's editor takes it.</summary>
    private Node ResourcePolicy => _resourcePolicy = TruthyOr(_resourcePolicy);

    private void AppendStatements(params MapNode[] statements)
    {
        if (Policy.Get("Statement") is null or NullNode)
        {
            Policy.Set("Statement", statements.Length == 1 ? statements[0] : new SeqNode(statements));
            return;
        }

        var existing = Policy.Get("Statement")!;
        var list = existing as SeqNode ?? N.Seq(existing);
        foreach (var s in statements)
        {
            if (statements.Length == 1 || !list.Items.Any(x => Py.Equal(x, s)))
            {
                list.Add(s);
            }
        }

        Policy.Set("Statement", list);
    }

    private void AddIamStatement(Node principals, string effect, SeqNode resources)
    {
        if (!Py.Truthy(principals))
        {
            return;
        }

        if (principals is not MapNode and not SeqNode)
        {
            throw EditorErrors.Document($"Type of '{Py27Str.ForMessage(principals)}' must be a list or dictionary", principals);
        }

        var list = principals as SeqNode ?? N.Seq(principals);
        Policy.Set("Version", "2012-10-17");
        var statement = MapNode.NewPy27();
        statement.Set("Effect", effect);
        statement.Set("Action", "execute-api:Invoke");
        statement.Set("Resource", resources);
        statement.Set("Principal", MapNode.Py27From(N.Map(("AWS", list))));
        AppendStatements(statement);
    }

    private (MapNode Allow, MapNode Deny) AllowDenyPair(SeqNode resources, MapNode condition)
    {
        var allow = MapNode.NewPy27();
        allow.Set("Effect", "Allow");
        allow.Set("Action", "execute-api:Invoke");
        allow.Set("Resource", resources);
        allow.Set("Principal", "*");
        var deny = MapNode.NewPy27();
        deny.Set("Effect", "Deny");
        deny.Set("Action", "execute-api:Invoke");
        deny.Set("Resource", resources);
        deny.Set("Principal", "*");
        deny.Set("Condition", condition);
        return (allow, deny);
    }

    private void AddIpStatements(Node ipList, string conditional, SeqNode resources)
    {
        if (!Py.Truthy(ipList))
        {
            return;
        }

        var list = ipList as SeqNode ?? N.Seq(ipList);
        Policy.Set("Version", "2012-10-17");
        var (allow, deny) = AllowDenyPair(resources, N.Map((conditional, N.Map(("aws:SourceIp", list)))));
        AppendStatements(allow, deny);
    }

    /// <param name="list">Blacklist or Whitelist, for messages.</param>
    private void AddVpcStatements(Node? stringEndpoints, Node? intrinsicVpcs, Node? intrinsicVpces, string conditional, SeqNode resources, string list)
    {
        var condition = MapNode.NewPy27();
        void Extend(string key, IEnumerable<Node> items)
        {
            var list = (SeqNode)condition.SetDefault(key, new SeqNode());
            list.Items.AddRange(items);
        }

        if (stringEndpoints is not null and not NullNode && Py.Iterate(stringEndpoints) is { } endpoints)
        {
            var vpcs = new List<Node>();
            var vpces = new List<Node>();
            foreach (var e in endpoints)
            {
                var text = e.Str ?? "";
                if (Regex.IsMatch(text, "^vpce-"))
                {
                    vpces.Add(e);
                }

                if (Regex.IsMatch(text, "^vpc-"))
                {
                    vpcs.Add(e);
                }
            }

            if (vpcs.Count > 0)
            {
                Extend("aws:SourceVpc", vpcs);
            }

            if (vpces.Count > 0)
            {
                Extend("aws:SourceVpce", vpces);
            }
        }

        // The reference extends a list with the value: a string adds its characters, a map its keys, and a
        // number fails with a Python error (refused here).
        if (intrinsicVpcs is not null and not NullNode)
        {
            Extend("aws:SourceVpc", Py.Iterate(intrinsicVpcs) ?? throw EditorErrors.Document($"IntrinsicVpc{list} must be a list.", intrinsicVpcs));
        }

        if (intrinsicVpces is not null and not NullNode)
        {
            Extend("aws:SourceVpce", Py.Iterate(intrinsicVpces) ?? throw EditorErrors.Document($"IntrinsicVpce{list} must be a list.", intrinsicVpces));
        }

        if (!Py.Truthy(condition.Get("aws:SourceVpc")) && !Py.Truthy(condition.Get("aws:SourceVpce")))
        {
            return;
        }

        Policy.Set("Version", "2012-10-17");
        var (allow, deny) = AllowDenyPair(resources, N.Map((conditional, condition)));
        AppendStatements(allow, deny);
    }

    private void AddCustomStatement(Node? customStatements)
    {
        if (customStatements is null or NullNode)
        {
            return;
        }

        Policy.Set("Version", "2012-10-17");
        if (Policy.Get("Statement") is null or NullNode)
        {
            Policy.Set("Statement", customStatements);
            return;
        }

        var custom = customStatements as SeqNode ?? N.Seq(customStatements);
        var existing = Policy.Get("Statement")!;
        var list = existing as SeqNode ?? N.Seq(existing);
        foreach (var s in custom.Items)
        {
            if (!list.Items.Any(x => Py.Equal(x, s)))
            {
                list.Add(s);
            }
        }

        Policy.Set("Statement", list);
    }

    /// <summary>execute-api:/${__Stage__}/METHOD/path for each method of the path (greedy parameters as *).</summary>
    private SeqNode MethodPathUriList(PyName path, Node? stage)
    {
        var methods = new List<PyName>();
        foreach (var item in ConditionalContents(Paths.Get(path)))
        {
            var pathItem = ValidatePathItemIsDict(item, path);
            methods.AddRange(pathItem.Entries.Select(e => new PyName(e.Key, e.KeyUnicode)));
        }

        var trimmed = PathWithoutTrailingSlash(path);
        var list = new SeqNode();
        foreach (var m in methods)
        {
            var lower = m.Value.ToLowerInvariant();
            var method = lower == AnyMethod || lower == "any" ? PyName.Plain("*") : m with { Value = m.Value.ToUpperInvariant() };
            var resource = new StringNode("execute-api:/${__Stage__}/" + method.Value + trimmed.Value) { Unicode = method.Unicode || trimmed.Unicode };
            list.Add(N.Map(("Fn::Sub", N.Seq(resource, N.Map(("__Stage__", stage ?? NullNode.Instance))))));
        }

        return list;
    }
}
