using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Function;

public sealed partial class SamFunction
{
    private const string Zip = "Zip";
    private const string Image = "Image";

    /// <summary>The AWS::Lambda::Function itself (the reference's _construct_lambda_function).</summary>
    private CfnResource ConstructLambdaFunction(TransformContext ctx)
    {
        var f = new CfnResource(LogicalId, "AWS::Lambda::Function") { DependsOn = DependsOn, Origin = OriginOf() };
        f.WithAttributes(ResourceAttributes);
        if (Py.Truthy(Prop("FunctionName")))
        {
            f["FunctionName"] = Prop("FunctionName");
        }

        f["Handler"] = Prop("Handler");
        f["Runtime"] = Prop("Runtime");
        f["Description"] = Prop("Description");
        f["MemorySize"] = Prop("MemorySize");
        f["Timeout"] = Prop("Timeout");
        f["VpcConfig"] = Prop("VpcConfig");
        f["Role"] = Prop("Role");
        f["Environment"] = Prop("Environment");
        f["Code"] = ConstructCode(ctx);
        f["KmsKeyArn"] = Prop("KmsKeyArn");
        f["ReservedConcurrentExecutions"] = Prop("ReservedConcurrentExecutions");
        f["Tags"] = ConstructTagList(Prop("Tags"));
        f["Layers"] = Prop("Layers");
        f["FileSystemConfigs"] = Prop("FileSystemConfigs");
        f["ImageConfig"] = Prop("ImageConfig");
        f["PackageType"] = Prop("PackageType");
        f["Architectures"] = Prop("Architectures");
        f["SnapStart"] = Prop("SnapStart");
        f["EphemeralStorage"] = Prop("EphemeralStorage");

        if (TracingEnabled(ctx))
        {
            f["TracingConfig"] = N.Map(("Mode", Prop("Tracing")));
        }

        if (Prop("DeadLetterQueue") is MapNode { Count: > 0 } dlq)
        {
            f["DeadLetterConfig"] = N.Map(("TargetArn", dlq.Get("TargetArn")));
        }

        f["CodeSigningConfigArn"] = Prop("CodeSigningConfigArn");
        f["RuntimeManagementConfig"] = Prop("RuntimeManagementConfig");
        f["LoggingConfig"] = Prop("LoggingConfig");
        f["TenancyConfig"] = Prop("TenancyConfig");
        f["RecursiveLoop"] = Prop("RecursiveLoop");
        f["DurableConfig"] = Prop("DurableConfig");
        if (Py.Truthy(Prop("CapacityProviderConfig")))
        {
            f["CapacityProviderConfig"] = TransformCapacityProviderConfig();
        }

        if (Py.Truthy(Prop("FunctionScalingConfig")))
        {
            f["FunctionScalingConfig"] = Prop("FunctionScalingConfig");
        }

        if (Prop("PublishToLatestPublished") is { } publish)
        {
            f["PublishToLatestPublished"] = publish;
        }

        ValidatePackageType(f);
        return f;
    }

    /// <summary>Tracing set and not "Disabled" (after resolving parameter references).</summary>
    private bool TracingEnabled(TransformContext ctx)
    {
        var tracing = Prop("Tracing");
        if (!Py.Truthy(tracing))
        {
            return false;
        }

        var resolved = ctx.Intrinsics.ResolveParameterRefs(tracing);
        return !(resolved is StringNode { Value: "Disabled" });
    }

    /// <summary>The reference's _construct_code_dict: InlineCode, CodeUri or ImageUri by PackageType.</summary>
    private Node ConstructCode(TransformContext ctx)
    {
        var packageType = Py.Truthy(Prop("PackageType")) ? Prop("PackageType")! : new StringNode(Zip);
        var isZip = packageType is StringNode { Value: Zip };
        var isImage = packageType is StringNode { Value: Image };
        if (!isZip && !isImage)
        {
            throw new InvalidResourceException(LogicalId, $"invalid 'PackageType' : {Py.Str(packageType)}").Locate(packageType);
        }

        var inline = Prop("InlineCode");
        var codeUri = Prop("CodeUri");
        var imageUri = Prop("ImageUri");
        if (isImage && imageUri is null && LocalImage(ctx) is { } local)
        {
            return N.Map(("ImageUri", local));
        }

        // Not yet packaged: the path stays for `sam package`; no CodeUri means the template's folder, as in the SAM CLI.
        if (isZip && inline is null && (codeUri is null ? LocalArtifactsMet.At(ctx) : S3Locations.LocalPath(ctx, codeUri) is not null))
        {
            return codeUri ?? new StringNode(".");
        }

        int present = isZip ? (inline is null ? 0 : 1) + (codeUri is null ? 0 : 1) : (imageUri is null ? 0 : 1);
        if (present != 1)
        {
            if (isZip && present == 0)
            {
                throw new InvalidResourceException(LogicalId, "Only one of 'InlineCode' or 'CodeUri' can be set.").Locate(Properties);
            }

            if (isImage)
            {
                throw new InvalidResourceException(LogicalId, "'ImageUri' must be set.").Locate(Properties);
            }
        }

        MapNode code;
        if (isZip && inline is not null)
        {
            code = N.Map(("ZipFile", inline));
        }
        else if (isZip && codeUri is not null)
        {
            code = S3Locations.ToCodeLocation(codeUri, LogicalId, "CodeUri");
        }
        else if (isImage && imageUri is not null)
        {
            if (!Py.Truthy(imageUri))
            {
                throw new InvalidResourceException(LogicalId, "'ImageUri' requires that a image hosted at a registry be specified.").Locate(imageUri);
            }

            code = N.Map(("ImageUri", imageUri));
        }
        else
        {
            throw new InvalidResourceException(LogicalId, "Either 'InlineCode' or 'CodeUri' must be set.").Locate(Properties);
        }

        if (Py.Truthy(Prop("SourceKMSKeyArn")) && isZip)
        {
            code.Set("SourceKMSKeyArn", Prop("SourceKMSKeyArn")!);
        }

        return code;
    }

    /// <summary>
    /// With local artifacts, an image function that `sam build` builds (Metadata with DockerContext or Dockerfile,
    /// no ImageUri) gets the image name `sam build` gives it: the logical id in lower case, tagged with DockerTag
    /// (else "latest").
    /// </summary>
    private string? LocalImage(TransformContext ctx)
    {
        if (ResourceAttributes.Get("Metadata") is not MapNode metadata
            || !(metadata.ContainsKey("DockerContext") || metadata.ContainsKey("Dockerfile")) || !LocalArtifactsMet.At(ctx))
        {
            return null;
        }

        var tag = metadata.Get("DockerTag") is StringNode { Value.Length: > 0 } t ? t.Value : "latest";
        return $"{LogicalId.ToLowerInvariant()}:{tag}";
    }

    /// <summary>The reference's _validate_package_type.</summary>
    private void ValidatePackageType(CfnResource f)
    {
        var packageType = f["PackageType"] ?? new StringNode(Zip);
        if (packageType is not StringNode { Value: Zip or Image } pt)
        {
            throw new InvalidResourceException(LogicalId, "PackageType needs to be `Zip` or `Image`").Locate(packageType);
        }

        var code = f["Code"] as MapNode ?? new MapNode();
        if (pt.Value == Zip)
        {
            if (!Py.Truthy(f["Runtime"]) || !Py.Truthy(f["Handler"]))
            {
                throw new InvalidResourceException(LogicalId, "Runtime and Handler needs to be present when PackageType is of type `Zip`").Locate(Properties);
            }

            if (Py.Truthy(code.Get("ImageUri")) || Py.Truthy(f["ImageConfig"]))
            {
                throw new InvalidResourceException(LogicalId, "ImageUri or ImageConfig cannot be present when PackageType is of type `Zip`").Locate(Properties);
            }
        }
        else
        {
            if (Py.Truthy(f["Handler"]) || Py.Truthy(f["Runtime"]) || Py.Truthy(f["Layers"]))
            {
                throw new InvalidResourceException(LogicalId, "Runtime, Handler, Layers cannot be present when PackageType is of type `Image`").Locate(Properties);
            }

            if (!Py.Truthy(code.Get("ImageUri")))
            {
                throw new InvalidResourceException(LogicalId, "ImageUri needs to be present when PackageType is of type `Image`").Locate(Properties);
            }
        }
    }
}
