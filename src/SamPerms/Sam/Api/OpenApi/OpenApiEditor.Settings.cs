using SamPerms.Model;
using SamPerms.Model.Py27;

namespace SamPerms.Sam.Api.OpenApi;

/// <summary>
/// Document-wide HTTP API settings SAM writes into OpenAPI: tags, the execute-api endpoint switch, CORS,
/// title and description.
/// </summary>
public sealed partial class OpenApiEditor
{
    /// <summary>Adds (or updates) x-amazon-apigateway-tag-value entries in the document's tags.</summary>
    public void AddTags(MapNode tags)
    {
        foreach (var (name, value) in tags)
        {
            if (Tags is not SeqNode tagList)
            {
                throw EditorErrors.Document($"Tags in OpenApi DefinitionBody needs to be a list. {Py27Str.ForMessage(Tags)} is a {Py27Str.TypeName(Tags)} not a list.", Tags);
            }

            // The reference reads each tag's name up to the first match; a tag that is not a map fails there with
            // a Python error, refused here.
            MapNode? existing = null;
            foreach (var item in tagList.Items)
            {
                var tag = item as MapNode
                    ?? throw EditorErrors.Document($"Every tag in OpenApi DefinitionBody needs to be a map. {Py27Str.ForMessage(item)} is a {Py27Str.TypeName(item)} not a map.", item);
                if (tag.Get("name") is StringNode n && n.Value == name)
                {
                    existing = tag;
                    break;
                }
            }

            if (existing is not null)
            {
                existing.Set(XApigwTagValue, value);
            }
            else
            {
                var tag = MapNode.NewPy27();
                tag.Set("name", name);
                tag.Set(XApigwTagValue, value);
                tagList.Add(tag);
            }
        }
    }

    /// <summary>Sets disableExecuteApiEndpoint in every server's endpoint configuration (one server when none).</summary>
    public void AddEndpointConfig(Node disableExecuteApiEndpoint)
    {
        const string DisableExecuteApiEndpoint = "disableExecuteApiEndpoint";
        var servers = Doc.Get(Servers) ?? N.Seq(MapNode.NewPy27());
        IEnumerable<Node> items = servers switch
        {
            SeqNode s => s.Items,
            MapNode m => m.Entries.Select(e => (Node)new StringNode(e.Key) { Span = e.KeySpan }),
            _ => [servers],
        };
        foreach (var config in items)
        {
            if (config is not MapNode configMap)
            {
                throw EditorErrors.Document($"Value of '{Servers}' item must be a dictionary according to Swagger spec.", config);
            }

            var endpoint = configMap.Get(XApigwEndpointConfig) as MapNode ?? new MapNode();
            endpoint.Set(DisableExecuteApiEndpoint, disableExecuteApiEndpoint);
            configMap.Set(XApigwEndpointConfig, endpoint);
        }

        Doc.Set(Servers, servers);
    }

    /// <summary>
    /// Merges CORS settings into x-amazon-apigateway-cors. An intrinsic AllowOrigins (the whole
    /// CorsConfiguration given as Fn::If, say) is merged as is, its capitalised keys renamed to the camel-case ones.
    /// </summary>
    public void AddCors(Node? allowOrigins, Node? allowHeaders = null, Node? allowMethods = null, Node? exposeHeaders = null, Node? maxAge = null, Node? allowCredentials = null)
    {
        string[] corsHeaders = ["allowOrigins", "allowHeaders", "allowMethods", "exposeHeaders", "maxAge", "allowCredentials"];
        var cors = Doc.Get(XApigwCors) ?? new MapNode();
        if (cors is not MapNode corsMap)
        {
            throw EditorErrors.Document($"Value of '{XApigwCors}' must be a dictionary according to Swagger spec.", cors);
        }

        if (Py.Truthy(allowOrigins) && Intrinsics.IsIntrinsic(allowOrigins))
        {
            // The reference renames the keys by text replacement on the JSON dump, which touches values too.
            var renamed = (MapNode)RenameCapitalised(allowOrigins!.Clone(), corsHeaders);
            foreach (var (k, v) in renamed)
            {
                corsMap.Set(k, v);
            }
        }
        else
        {
            if (Py.Truthy(allowOrigins)) corsMap.Set("allowOrigins", allowOrigins!);
            if (Py.Truthy(allowHeaders)) corsMap.Set("allowHeaders", allowHeaders!);
            if (Py.Truthy(allowMethods)) corsMap.Set("allowMethods", allowMethods!);
            if (Py.Truthy(exposeHeaders)) corsMap.Set("exposeHeaders", exposeHeaders!);
            if (!Py.IsNone(maxAge)) corsMap.Set("maxAge", maxAge!);
            if (allowCredentials is BoolNode { Value: true }) corsMap.Set("allowCredentials", allowCredentials);
        }

        Doc.Set(XApigwCors, corsMap);
    }

    private static Node RenameCapitalised(Node node, string[] headers)
    {
        string Rename(string s)
        {
            foreach (var h in headers)
            {
                s = s.Replace(char.ToUpperInvariant(h[0]) + h[1..], h, StringComparison.Ordinal);
            }

            return s;
        }

        switch (node)
        {
            case MapNode m:
                var copy = new MapNode { Span = m.Span };
                foreach (var e in m.Entries)
                {
                    copy.Set(Rename(e.Key), RenameCapitalised(e.Value, headers));
                }

                return copy;
            case SeqNode q:
                return new SeqNode(q.Items.Select(i => RenameCapitalised(i, headers))) { Span = q.Span };
            case StringNode s:
                return new StringNode(Rename(s.Value)) { Span = s.Span };
            default:
                return node;
        }
    }

    /// <summary>Sets info.description unless the document has one.</summary>
    public void AddDescription(Node description)
    {
        if (Info is MapNode info && !Py.Truthy(info.Get("description")))
        {
            info.Set("description", description);
        }
    }

    /// <summary>Sets info.title when it is still SAM's default title.</summary>
    public void AddTitle(Node title)
    {
        if (Info is MapNode info && Py.Equal(info.Get("title"), DefaultOpenApiTitle()))
        {
            info.Set("title", title);
        }
    }
}
