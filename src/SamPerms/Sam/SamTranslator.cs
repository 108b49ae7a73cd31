using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Sam.Api.OpenApi;
using SamPerms.Model.Py27;
using SamPerms.Sam.Core;
using SamPerms.Sam.LanguageExtensions;
using SamPerms.Sam.Plugins;
using SamPerms.Yaml;

namespace SamPerms.Sam;

/// <summary>
/// The engine's transform: reads a template (YAML or JSON) and turns it into the CloudFormation template the AWS
/// SAM translator produces, or into located diagnostics; never throws on bad input. The steps follow the
/// reference: validate the structure, resolve parameter values, run the template plugins, expand each SAM
/// resource (functions first, connectors last), run the after-template plugins, then rewrite references to
/// derived and renamed resources. Errors are collected per resource and reported together.
/// </summary>
public static class SamTranslator
{
    public static TransformOutcome TransformBytes(byte[] bytes, TransformOptions options, ReaderLimits? limits = null)
    {
        var read = TemplateReader.Read(bytes, limits);
        if (!read.Succeeded)
        {
            var message = string.Join(" ", read.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.Message));
            return new TransformOutcome(read.Root, null, new Dictionary<string, Origin>(), read.Diagnostics, message);
        }

        return Transform(read.Root!, options);
    }

    public static TransformOutcome Transform(Node root, TransformOptions options)
    {
        if (root is not MapNode)
        {
            var d = DiagnosticCatalog.NotTemplate("a template must be a mapping with a Resources section", root.Span);
            return new TransformOutcome(root, null, new Dictionary<string, Origin>(), [d], d.Message);
        }

        // What CloudFormation does before SAM: the language extensions, when the template lists them first.
        var extended = LanguageExtensionsStage.Apply((MapNode)root, options);
        if (!extended.Succeeded)
        {
            var errors = extended.Errors.Select(e => DiagnosticCatalog.LanguageExtension(e.Message, e.At.Span)).ToList();
            return new TransformOutcome(root, null, new Dictionary<string, Origin>(), errors, string.Join(" ", errors.Select(e => e.Message)));
        }

        root = extended.Template;
        var met = new LocalArtifactsMet();
        var result = Translate(root, options, met);
        if (result.Succeeded)
        {
            return new TransformOutcome(root, result.Template, result.Origins, [], null) { MetLocalArtifact = met.Any };
        }

        return new TransformOutcome(root, null, result.Origins, DiagnosticsOf(result.Error!, root), result.ErrorMessage) { MetLocalArtifact = met.Any };
    }

    /// <summary>One diagnostic per cause the reference reports, located at the node that caused it.</summary>
    public static IReadOnlyList<Diagnostic> DiagnosticsOf(InvalidDocumentException error, Node root)
    {
        return error.Causes
            .OrderBy(c => c.SortKey, StringComparer.Ordinal)
            .Select(c => DiagnosticCatalog.Sam(c.Message, (c.At ?? root).Span, null))
            .ToList();
    }

    /// <summary>The port itself: the reference's output, or the error it raises (never any other exception).</summary>
    internal static Translation Translate(Node input, TransformOptions options, LocalArtifactsMet? met = null)
    {
        try
        {
            return TransformOrThrow(input, options, met ?? new LocalArtifactsMet());
        }
        catch (InvalidDocumentException e)
        {
            return Translation.Failure(e);
        }
        catch (SamException e)
        {
            return Translation.Failure(new InvalidDocumentException([e]));
        }
        catch (Exception e) when (IsUnexpected(e))
        {
            // Last resort for a failure outside any one resource: a located message, never a stack trace.
            return Translation.Failure(new InvalidDocumentException([new UnreadableTemplateException(e).Locate(input)]));
        }
    }

    /// <summary>A failure of SamPerms itself rather than an error the reference reports (which are SamExceptions).</summary>
    private static bool IsUnexpected(Exception e) => e is not SamException and not OutOfMemoryException;

    private static Translation TransformOrThrow(Node input, TransformOptions options, LocalArtifactsMet met)
    {
        // API definitions are edited in place; if such an edit failed half way, the run is repeated with copying
        // editors, which leave a definition as it was after a failed edit, as the reference does (DefinitionEdits).
        var edits = new DefinitionEdits();
        Translation? translation = null;
        try
        {
            translation = TransformOnce(input, options, edits, met);
        }
        catch (Exception) when (edits.Failed)
        {
        }

        return edits.Failed ? TransformOnce(input, options, new DefinitionEdits { InPlace = false }, met) : translation!;
    }

    private static Translation TransformOnce(Node input, TransformOptions options, DefinitionEdits edits, LocalArtifactsMet met)
    {
        // The reference works on a copy of the template; so do we, so the caller's tree stays as it was read.
        if (input.Clone() is not MapNode samTemplate)
        {
            throw new InvalidDocumentException([new InvalidTemplateException("'Resources' section is required")]);
        }

        ValidateStructure(samTemplate);
        bool py27 = Py27Template.Apply(samTemplate);
        var parameters = ParameterValues(samTemplate, options, py27);
        var ctx = new TransformContext(options, samTemplate, parameters);
        ctx.Use(edits);
        ctx.Use(met);
        ctx.State<Py27State>().Active = py27;
        var plugins = SamPlugins.Default;
        RunTemplatePlugins(plugins, p => p.BeforeTransformTemplate(samTemplate, ctx));
        var errors = new List<SamException>(EmbeddedConnectors.Expand(ctx));

        // The output starts as a copy of the SAM template whose SAM resources are each replaced when expanded (the
        // reference deep-copies the whole template): they are kept uncopied, as nothing reads them from the output
        // before they are dropped from it but a layer's and a connector's properties, which no expansion has changed yet.
        var samSection = samTemplate.Get("Resources");
        var template = samTemplate.CloneWith(section => ReferenceEquals(section, samSection) && section is MapNode resources
            ? resources.CloneWith(static r => ExpandedType(r) is not null ? r : r.Clone())
            : section.Clone());
        ctx.Template = template;
        ctx.Mappings = IntrinsicsResolver.ForMappings(MappingsOf(template));
        var origins = new Dictionary<string, Origin>(StringComparer.Ordinal);
        var resourceRefs = new SupportedResourceReferences();
        var changedIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var outputResources = (MapNode)template.Get("Resources")!;
        var samResources = (MapNode)samTemplate.Get("Resources")!;

        foreach (var (logicalId, resourceDict) in ResourcesInOrder(samResources))
        {
            ExpandGuarded(logicalId, resourceDict, errors, () =>
            {
                // A YAML key like `0:` is read as text, but the reference's logical ids must have been strings.
                if (samResources.IndexOf(logicalId) is var at and >= 0 && !samResources.Entries[at].KeyIsString)
                {
                    throw new InvalidResourceException(logicalId, "Logical ids must be alphanumeric.").Locate(resourceDict);
                }

                var resource = SamResourceTypes.Create(resourceDict.Get("Type")!.Str!);
                resource.DeclarationSpan = samResources.KeySpanOf(logicalId);
                resource.Load(logicalId, resourceDict, (id, type, props) =>
                {
                    foreach (var p in plugins)
                    {
                        p.BeforeTransformResource(id, type, props, ctx);
                    }
                });
                resource.LinkResources(ctx);
                var generated = resource.ToCloudFormation(ctx);
                AddResourceReferences(resource, generated, resourceRefs);
                if (logicalId != resource.LogicalId)
                {
                    changedIds[logicalId] = resource.LogicalId;
                }

                outputResources.Remove(logicalId);
                foreach (var cfn in generated)
                {
                    if (IsUniqueLogicalId(cfn, samResources))
                    {
                        outputResources.Set(cfn.LogicalId, cfn.ToNode());
                        origins[cfn.LogicalId] = cfn.Origin ?? resource.OriginOf();
                    }
                    else
                    {
                        errors.Add(new DuplicateLogicalIdException(logicalId, cfn.LogicalId, cfn.Type).Locate(resourceDict));
                    }
                }
            });
        }

        var finishing = new FinisherOutput(ctx, outputResources, origins, errors);
        foreach (var finisher in TemplateFinishers.All)
        {
            try
            {
                finisher.Run(finishing);
            }
            catch (Exception e) when (IsUnexpected(e))
            {
                errors.Add(new UnreadableTemplateException(e).Locate(samTemplate));
            }
        }

        try
        {
            foreach (var p in plugins)
            {
                p.AfterTransformTemplate(template, ctx);
            }
        }
        catch (SamException e) when (e is InvalidDocumentException or InvalidResourceException or InvalidTemplateException)
        {
            errors.Add(e);
        }
        catch (Exception e) when (IsUnexpected(e))
        {
            errors.Add(new UnreadableTemplateException(e).Locate(samTemplate));
        }

        template.Remove("Transform");
        if (errors.Count > 0)
        {
            // The reference raises the collected errors here; returned, not thrown (a throw costs a walk of the stack).
            return Translation.Failure(new InvalidDocumentException(errors));
        }

        ResolveDependsOn(template, changedIds);
        ctx.Intrinsics.ResolveSamResourceIdRefs(template, changedIds);
        ctx.Intrinsics.ResolveSamResourceRefs(template, resourceRefs);
        foreach (var e in outputResources.Entries)
        {
            if (!origins.ContainsKey(e.Key))
            {
                origins[e.Key] = new Origin(e.Key, (e.Value as MapNode)?.Get("Type")?.Str ?? "", "", e.Value.Span);
            }
        }

        return Translation.Success(template, origins);
    }

    /// <summary>
    /// Expands one resource, collecting its error (the reference's per-resource error collection) so that the
    /// other resources are still expanded and reported. Anything that is not one of the reference's errors is
    /// a failure of SamPerms: the last-resort net turns it into an error about this resource, located at it.
    /// </summary>
    internal static void ExpandGuarded(string logicalId, MapNode resourceDict, ICollection<SamException> errors, Action expand)
    {
        try
        {
            expand();
        }
        catch (InvalidDocumentException e) when (ErrorPlaces.FillAndPass(e, resourceDict))
        {
            // Never here: the reference stops at a document error, which goes on; the filter points its causes
            // somewhere on the way (at least at this resource).
            throw; // never reached: the filter declines
        }
        catch (SamException e) when (e is InvalidResourceException or InvalidEventException or InvalidTemplateException)
        {
            // An error about a value SAM made up (a default, a merged copy) has no place in the file: point at the resource.
            if (e.At is null || !e.At.Span.IsKnown)
            {
                e.At = resourceDict;
            }

            errors.Add(e);
        }
        catch (Exception e) when (IsUnexpected(e))
        {
            errors.Add(new UnreadableResourceException(logicalId, e).Locate(resourceDict));
        }
    }

    /// <summary>The Mappings section for Fn::FindInMap; the reference's resolver refuses one that is null or not a map.</summary>
    private static MapNode MappingsOf(MapNode template)
    {
        if (!template.TryGet("Mappings", out var mappings))
        {
            return new MapNode();
        }

        return mappings as MapNode ?? throw new InvalidDocumentException(
            [new InvalidTemplateException("'Mappings' or 'Parameters' is either null or not a valid dictionary.").Locate(mappings)]);
    }

    private static void RunTemplatePlugins(IReadOnlyList<ISamPlugin> plugins, Action<ISamPlugin> act)
    {
        foreach (var p in plugins)
        {
            try
            {
                act(p);
            }
            catch (SamException e) when (e is not InvalidDocumentException)
            {
                throw new InvalidDocumentException([e]);
            }
        }
    }

    /// <summary>The reference's Parser.validate_datatypes.</summary>
    private static void ValidateStructure(MapNode template)
    {
        if (template.Get("Resources") is not MapNode resources || resources.Count == 0)
        {
            throw new InvalidDocumentException([new InvalidTemplateException("'Resources' section is required").Locate(template.Get("Resources") ?? template)]);
        }

        foreach (var e in resources.Entries)
        {
            if (e.Value is not MapNode)
            {
                throw new InvalidDocumentException([new InvalidTemplateException("All 'Resources' must be Objects. If you're using YAML, this may be an indentation issue.").Locate(e.Value)]);
            }
        }

        foreach (var e in resources.Entries)
        {
            var r = (MapNode)e.Value;
            if (!SamTypes.IsSamResource(r))
            {
                continue;
            }

            var props = r.TryGet("Properties", out var p) ? p : new MapNode();
            Expect.That(props, e.Key, "Properties", isAttribute: true).ToBeMap();
        }
    }

    private static MapNode ParameterValues(MapNode template, TransformOptions options, bool py27)
    {
        var values = new MapNode();
        foreach (var (k, v) in options.ParameterOverrides)
        {
            // The reference converts the caller's parameter values along with the template.
            values.Set(k, new StringNode(v) { Unicode = py27 });
        }

        if (template.Get("Parameters") is MapNode parameters)
        {
            foreach (var e in parameters.Entries)
            {
                if (!values.ContainsKey(e.Key) && e.Value is MapNode p && p.TryGet("Default", out var d))
                {
                    values.Set(e.Key, d);
                }
            }
        }

        if (!values.ContainsKey("AWS::Region"))
        {
            values.Set("AWS::Region", options.Region);
        }

        if (!values.ContainsKey("AWS::Partition"))
        {
            values.Set("AWS::Partition", options.EffectivePartition);
        }

        return values;
    }

    /// <summary>The type of a resource that is one of SAM's, which the transform expands (and drops from the output); else null.</summary>
    private static string? ExpandedType(Node resource) =>
        resource is MapNode r && r.Get("Type") is StringNode t && SamResourceTypes.CanResolve(t.Value) ? t.Value : null;

    /// <summary>Functions, state machines, APIs, everything else, then connectors (they read generated resources).</summary>
    private static IEnumerable<(string, MapNode)> ResourcesInOrder(MapNode resources)
    {
        var buckets = new List<(string, MapNode)>[5];
        for (int i = 0; i < buckets.Length; i++)
        {
            buckets[i] = [];
        }

        foreach (var e in resources.Entries)
        {
            if (ExpandedType(e.Value) is not { } type)
            {
                continue;
            }

            int bucket = type switch
            {
                "AWS::Serverless::Function" => 0,
                "AWS::Serverless::StateMachine" => 1,
                "AWS::Serverless::Api" or "AWS::Serverless::HttpApi" or "AWS::Serverless::WebSocketApi" => 2,
                "AWS::Serverless::Connector" => 4,
                _ => 3,
            };
            buckets[bucket].Add((e.Key, (MapNode)e.Value));
        }

        return buckets.SelectMany(b => b);
    }

    private static void AddResourceReferences(SamResource resource, IList<CfnResource> generated, SupportedResourceReferences refs)
    {
        if (resource.ReferableProperties.Count == 0)
        {
            return;
        }

        var byType = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in generated)
        {
            byType[r.Type] = r.LogicalId;
        }

        foreach (var (property, type) in resource.ReferableProperties)
        {
            if (byType.TryGetValue(type, out var id))
            {
                refs.Add(resource.LogicalId, property, id);
            }
        }
    }

    /// <summary>Generated types that may replace a same-named input resource (the reference's do_not_verify).</summary>
    private static readonly Dictionary<string, string[]> MayReplace = new(StringComparer.Ordinal)
    {
        ["AWS::Lambda::Function"] = ["AWS::Serverless::Function"],
        ["AWS::Lambda::LayerVersion"] = ["AWS::Serverless::LayerVersion"],
        ["AWS::Lambda::CapacityProvider"] = ["AWS::Serverless::CapacityProvider"],
        ["AWS::ApiGateway::RestApi"] = ["AWS::Serverless::Api"],
        ["AWS::ApiGatewayV2::Api"] = ["AWS::Serverless::HttpApi", "AWS::Serverless::WebSocketApi"],
        ["AWS::S3::Bucket"] = ["AWS::S3::Bucket"],
        ["AWS::SNS::Topic"] = ["AWS::SNS::Topic"],
        ["AWS::DynamoDB::Table"] = ["AWS::Serverless::SimpleTable"],
        ["AWS::CloudFormation::Stack"] = ["AWS::Serverless::Application"],
        ["AWS::Cognito::UserPool"] = ["AWS::Cognito::UserPool"],
        ["AWS::ApiGateway::DomainName"] = ["AWS::ApiGateway::DomainName"],
        ["AWS::ApiGateway::BasePathMapping"] = ["AWS::ApiGateway::BasePathMapping"],
        ["AWS::ApiGateway::DomainNameV2"] = ["AWS::ApiGateway::DomainNameV2"],
        ["AWS::ApiGateway::BasePathMappingV2"] = ["AWS::ApiGateway::BasePathMappingV2"],
        ["AWS::StepFunctions::StateMachine"] = ["AWS::Serverless::StateMachine"],
        ["AWS::AppSync::GraphQLApi"] = ["AWS::Serverless::GraphQLApi"],
    };

    private static bool IsUniqueLogicalId(CfnResource resource, MapNode samResources)
    {
        if (!samResources.TryGet(resource.LogicalId, out var existing))
        {
            return true;
        }

        return MayReplace.TryGetValue(resource.Type, out var types)
            && existing is MapNode m && m.Get("Type") is StringNode t && types.Contains(t.Value);
    }

    /// <summary>Point DependsOn entries at logical ids SAM changed (the reference's ResolveDependsOn).</summary>
    private static void ResolveDependsOn(Node node, Dictionary<string, string> changed)
    {
        if (changed.Count == 0)
        {
            return;
        }

        switch (node)
        {
            case MapNode m:
                if (m.Get("DependsOn") is { } dependsOn)
                {
                    foreach (var (from, to) in changed)
                    {
                        if (dependsOn is SeqNode s)
                        {
                            for (int i = 0; i < s.Count; i++)
                            {
                                if (s[i] is StringNode sv && sv.Value == from)
                                {
                                    s[i] = new StringNode(to);
                                }
                            }
                        }
                        else if (dependsOn is StringNode d && d.Value == from)
                        {
                            dependsOn = new StringNode(to);
                            m.Set("DependsOn", dependsOn);
                        }
                    }
                }

                foreach (var e in m.Entries)
                {
                    ResolveDependsOn(e.Value, changed);
                }

                break;
            case SeqNode q:
                foreach (var i in q.Items)
                {
                    ResolveDependsOn(i, changed);
                }

                break;
        }
    }
}
