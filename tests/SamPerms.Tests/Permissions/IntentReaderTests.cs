using System.Text;
using SamPerms.Diagnostics;
using SamPerms.Permissions.Intent;
using SamPerms.Yaml;

namespace SamPerms.Tests.Permissions;

public sealed class IntentReaderTests
{
    private static (IntentDocument, List<Diagnostic>) Read(string yaml) => IntentReader.ReadFile(Encoding.UTF8.GetBytes(yaml), "intent.yaml");

    [Fact]
    public void Reads_functions_and_state_machines_with_intrinsics()
    {
        var (intent, diagnostics) = Read("""
            Functions:
              Fn:
                InvokedBy:
                  - Principal: s3.amazonaws.com
                    Source: !GetAtt Bucket.Arn
                  - EventSource: !GetAtt Queue.Arn
                Allow:
                  - Action: s3:GetObject
                    Resource: !Sub arn:${AWS::Partition}:s3:::${Bucket}/*
            StateMachines:
              Flow:
                Allow: []
            """);
        Assert.Empty(diagnostics);
        Assert.Equal(["Fn", "Flow"], intent.Subjects.Select(s => s.Id));
        var fn = intent.Subjects[0];
        Assert.Equal("s3.amazonaws.com", fn.InvokedBy![0].Principal);
        Assert.Equal("{\"Fn::GetAtt\":[\"Bucket\",\"Arn\"]}", fn.InvokedBy[0].Source!.ToString());
        Assert.NotNull(fn.InvokedBy[1].EventSource);
        Assert.Equal("Functions.Fn.Allow[0]", fn.Allow![0].Location.Path);
        Assert.Null(intent.Subjects[1].InvokedBy);
        Assert.Empty(intent.Subjects[1].Allow!);
    }

    [Fact]
    public void Mistakes_are_located()
    {
        var (_, diagnostics) = Read("""
            Functions:
              Fn:
                Alow:
                  - Action: s3:GetObject
                InvokedBy:
                  - Source: arn:aws:s3:::b
            Lambdas: {}
            """);
        Assert.Equal(
            ["intent.yaml:3:5: error SP4001: unknown key 'Alow' (expected InvokedBy, Allow, Deny; did you mean 'Allow'?)",
             "intent.yaml:6:9: error SP4001: an InvokedBy entry needs a Principal or an EventSource",
             "intent.yaml:7:1: error SP4001: unknown key 'Lambdas': an intent file has Functions and StateMachines"],
            diagnostics.Select(d => d.Format()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Actions_must_name_a_service()
    {
        var (_, diagnostics) = Read("Functions: {Fn: {Allow: [{Action: GetObject, Resource: '*'}]}}");
        Assert.Contains("service:Action", Assert.Single(diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inline_intent_is_read_from_metadata_and_a_file_replaces_it()
    {
        var template = TemplateReader.ReadText("""
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Metadata:
                  SamPerms:
                    Allow: [{Action: logs:*, Resource: '*'}]
              Other:
                Type: AWS::Serverless::Function
                Metadata:
                  SamPerms: {Allow: []}
            """).Root;
        var (inline, diagnostics) = IntentReader.ReadInline(template, "template.yaml");
        Assert.Empty(diagnostics);
        Assert.Equal("Resources.Fn.Metadata.SamPerms.Allow[0]", inline.Subjects[0].Allow![0].Location.Path);
        var (file, _) = Read("Functions: {Fn: {Allow: []}}");
        var merged = file.Over(inline);
        Assert.Equal(["Other", "Fn"], merged.Subjects.Select(s => s.Id));
        Assert.Empty(merged.Subjects[1].Allow!);
    }
}
