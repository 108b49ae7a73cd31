using SamPerms.Model;
using SamPerms.Sam.Api.OpenApi;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Api.Plugins;

/// <summary>Api events without RestApiId go to ServerlessRestApi, an AWS::Serverless::Api SAM creates (stage Prod).</summary>
public sealed class ImplicitRestApiPlugin : ImplicitApiPluginBase
{
    public const string LogicalId = "ServerlessRestApi";

    protected override string ApiIdEventProperty => "RestApiId";

    protected override string ImplicitApiLogicalId => LogicalId;

    protected override string ImplicitApiCondition => "ServerlessRestApiCondition";

    protected override string ApiEventType => "Api";

    protected override string ServerlessApiResourceType => "AWS::Serverless::Api";

    protected override MapNode GenerateImplicitApiResource() => N.Map(
        ("Type", "AWS::Serverless::Api"),
        ("Properties", N.Map(
            // A constant StageName: Globals cannot override it (a resource's own value wins).
            ("StageName", "Prod"),
            ("DefinitionBody", SwaggerEditor.GenSkeleton()),
            (DefaultDefinitionBodyPlugin.ManageSwagger, true))));

    /// <summary>REST events without Properties are skipped (the reference's implicit_rest_api_plugin).</summary>
    protected override void ProcessApiEvents(Run run, MapNode resource, MapNode apiEvents)
    {
        foreach (var e in apiEvents.Entries)
        {
            var ev = (MapNode)e.Value;
            var props = ev.TryGet("Properties", out var p) ? p : new MapNode();
            if (!Py.Truthy(props))
            {
                continue;
            }

            var properties = Expect.That(props, e.Key, "", isEvent: true).ToBeMap("Properties should be a map.");
            AddTagsToImplicitApiIfNecessary(properties, resource, run);
            AddImplicitApiIdIfNecessary(properties);
            var (apiId, path, method) = ValidateApiEvent(e.Key, properties, ev);
            Record(run, apiId, path, method, resource);
            AddApiToDefinition(run, e.Key, properties);
        }

        WriteBackEvents(resource, apiEvents);
    }

    protected override bool IsValidDefinition(Node? definition) => SwaggerEditor.IsValid(definition);

    protected override OpenApiEditorBase EditorFor(Node definition, bool inPlace = false) => new SwaggerEditor(definition, inPlace);
}
