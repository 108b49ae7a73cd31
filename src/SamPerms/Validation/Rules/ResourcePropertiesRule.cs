using SamPerms.Data;
using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Validation.CloudFormation;

namespace SamPerms.Validation.Rules;

/// <summary>
/// The Properties of each CloudFormation resource against its type's schema: names it does not define (cfn-lint
/// E3002), required ones missing (E3003), literal values of the wrong shape (E3012) and strings outside a short
/// enum (E3030; a value that matches but for case is not reported). Values computed by intrinsic functions are left alone. A resource SAM generates is reported at
/// the SAM property that produced it.
/// </summary>
public sealed class ResourcePropertiesRule : IValidationRule
{
    public IReadOnlyList<DiagnosticDescriptor> Reports { get; } =
    [
        DiagnosticCatalog.UnknownResourcePropertyDescriptor, DiagnosticCatalog.MissingRequiredPropertyDescriptor,
        DiagnosticCatalog.PropertyValueKindDescriptor, DiagnosticCatalog.PropertyValueNotAllowedDescriptor,
    ];

    /// <summary>
    /// Properties that `aws cloudformation package` (and sam package) fill in from a local path: before packaging a
    /// string path stands where CloudFormation takes an S3 location, and is no mistake.
    /// </summary>
    private static readonly HashSet<(string Type, string Property)> Packaged =
    [
        ("AWS::Lambda::Function", "Code"),
        ("AWS::Lambda::LayerVersion", "Content"),
        ("AWS::ApiGateway::RestApi", "BodyS3Location"),
        ("AWS::ApiGatewayV2::Api", "BodyS3Location"),
        ("AWS::StepFunctions::StateMachine", "DefinitionS3Location"),
        ("AWS::AppSync::GraphQLSchema", "DefinitionS3Location"),
        ("AWS::AppSync::Resolver", "RequestMappingTemplateS3Location"),
        ("AWS::AppSync::Resolver", "ResponseMappingTemplateS3Location"),
        ("AWS::AppSync::Resolver", "CodeS3Location"),
        ("AWS::AppSync::FunctionConfiguration", "RequestMappingTemplateS3Location"),
        ("AWS::AppSync::FunctionConfiguration", "ResponseMappingTemplateS3Location"),
        ("AWS::AppSync::FunctionConfiguration", "CodeS3Location"),
        ("AWS::ElasticBeanstalk::ApplicationVersion", "SourceBundle"),
        ("AWS::CodeCommit::Repository", "Code"),
    ];

    public void Check(ValidationContext context, List<Diagnostic> findings)
    {
        var seen = new HashSet<(string, int, int, string)>();
        void Add(DiagnosticDescriptor d, Location at, string message)
        {
            if (seen.Add((d.Code, at.Span.Line, at.Span.Column, message)))
            {
                findings.Add(d.At(at.Span, message, at.Path));
            }
        }

        Action<DiagnosticDescriptor, Location, string> add = Add; // one delegate for every value (not one per call)
        foreach (var r in context.PlainResources)
        {
            if (r.Schema is not { } schema)
            {
                continue;
            }

            var props = r.Node.Get("Properties");
            if (props is not (null or MapNode) || Intrinsics.IsIntrinsic(props))
            {
                continue;
            }

            var map = props as MapNode;
            var what = context.GeneratedFrom(r.LogicalId) is { } sam ? $"{r.LogicalId} (generated from {sam})" : r.LogicalId;
            foreach (var required in schema.Required)
            {
                if (map?.Get(required) is null)
                {
                    var at = context.Locate(r.LogicalId, map is null ? r.Node.Get("Type") : map);
                    if (map is not null && context.Where(map).Path is not null)
                    {
                        at = context.WhereKey(r.Node, "Properties");
                    }

                    Add(DiagnosticCatalog.MissingRequiredPropertyDescriptor, at, $"{what} ({schema.Name}) lacks the required property {required}");
                }
            }

            if (map is null)
            {
                continue;
            }

            foreach (var entry in map.Entries)
            {
                if (!schema.Properties.TryGetValue(entry.Key, out var property))
                {
                    if (!schema.Open)
                    {
                        var at = context.Where(entry.Value).Path is not null ? context.WhereKey(map, entry.Key) : context.Locate(r.LogicalId);
                        Add(DiagnosticCatalog.UnknownResourcePropertyDescriptor, at,
                            $"{schema.Name} has no property '{entry.Key}' (in {what}){Suggest.DidYouMean(entry.Key, schema.Properties.Keys)}");
                    }

                    continue;
                }

                Value(context, r, what, property, entry.Value, add);
            }
        }
    }

    private static void Value(ValidationContext context, PlainResource r, string what, CfnProperty property, Node value, Action<DiagnosticDescriptor, Location, string> add)
    {
        if (value is NullNode || Intrinsics.IsIntrinsic(value) || (value is StringNode && Packaged.Contains((r.Type, property.Name))))
        {
            return;
        }

        var given = value switch
        {
            SeqNode => CfnValueKind.Array,
            MapNode => CfnValueKind.Object,
            StringNode => CfnValueKind.String,
            IntNode or FloatNode => CfnValueKind.Number,
            BoolNode => CfnValueKind.Boolean,
            _ => CfnValueKind.Any,
        };
        var scalar = given is CfnValueKind.String or CfnValueKind.Number or CfnValueKind.Boolean;
        var fits = property.Kind switch
        {
            CfnValueKind.Array => given == CfnValueKind.Array,
            CfnValueKind.Object => given == CfnValueKind.Object,
            CfnValueKind.String or CfnValueKind.Number or CfnValueKind.Boolean => scalar,
            _ => true,
        };
        if (!fits)
        {
            add(DiagnosticCatalog.PropertyValueKindDescriptor, context.Locate(r.LogicalId, value),
                $"{property.Name} of {what} takes {Describe(property.Kind)}, not {Describe(given)}");
            return;
        }

        // A value that differs from an allowed one only in case is left alone: some services accept it.
        if (property.Allowed is { } allowed && value is StringNode s && !allowed.Contains(s.Value, StringComparer.OrdinalIgnoreCase))
        {
            add(DiagnosticCatalog.PropertyValueNotAllowedDescriptor, context.Locate(r.LogicalId, value),
                $"{property.Name} of {what} is '{s.Value}', which is not one of {string.Join(", ", allowed)}{Suggest.DidYouMean(s.Value, allowed)}");
        }
    }

    private static string Describe(CfnValueKind kind) => kind switch
    {
        CfnValueKind.Array => "a list",
        CfnValueKind.Object => "a mapping",
        CfnValueKind.Number => "a number",
        CfnValueKind.Boolean => "a boolean",
        CfnValueKind.String => "a string",
        _ => "any value",
    };
}
