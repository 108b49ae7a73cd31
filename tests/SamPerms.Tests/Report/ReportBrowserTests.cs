using System.Text.Json;
using SamPerms.Model;
using SamPerms.Permissions;
using SamPerms.Permissions.Explain;
using SamPerms.Sam;
using SamPerms.Tests.Support;
using Xunit.Abstractions;

namespace SamPerms.Tests.Report;

/// <summary>
/// samperms report in a real browser: headless Chromium loads report.html from disk; the rendered page shows
/// every SAM resource and every generated resource; clicking a SAM property (mouse, or Enter on the focused
/// line) highlights what it produced, and clicking a generated resource highlights its line. A screenshot of each
/// example's page is saved under the test output (report-screenshots/). Skips, saying why, without Chromium.
/// </summary>
public sealed class ReportBrowserTests(ITestOutputHelper output)
{
    public static TheoryData<string> Examples() =>
        [.. Directory.GetDirectories(RepoPaths.InRepo("templates")).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    [SkippableTheory]
    [MemberData(nameof(Examples))]
    public async Task The_page_shows_every_resource_and_highlights_what_a_property_produced(string name)
    {
        Skip.If(HeadlessChromium.Unavailable is not null, HeadlessChromium.Unavailable);
        using var dir = new TempDir();
        var template = RepoPaths.InRepo("templates", name, "template.yaml");
        var page = Path.Combine(dir.Path, "report.html");
        var run = CliRunner.Run("report", template, "--region", "us-east-1", "-o", page);
        Assert.True(run.ExitCode == 0, run.Err);

        var options = new TransformOptions { Region = "us-east-1", LocalArtifacts = true };
        var outcome = SamTranslator.TransformBytes(File.ReadAllBytes(template), options);
        var explain = ExplainBuilder.Build(outcome, PermissionMapBuilder.Build(outcome, options).Values!);
        var samIds = explain.Resources.Select(r => r.LogicalId).Order(StringComparer.Ordinal).ToList();
        var generatedIds = outcome.Origins.Where(o => o.Value.SourceType.StartsWith("AWS::Serverless::", StringComparison.Ordinal))
            .Select(o => o.Key).Order(StringComparer.Ordinal).ToList();

        await using var browser = await HeadlessChromium.Start();
        await browser.Open(page);
        var shownSam = Strings(await browser.Evaluate("Array.from(document.querySelectorAll('article.sam > h3 > code')).map(e => e.textContent)"));
        var shownGenerated = Strings(await browser.Evaluate("Array.from(document.querySelectorAll('button.res:not(.modified) > code')).map(e => e.textContent)"));
        Assert.Equal(samIds, shownSam.Order(StringComparer.Ordinal).ToList());
        Assert.Equal(generatedIds, shownGenerated.Distinct().Order(StringComparer.Ordinal).ToList());
        Assert.Contains("<svg", await browser.Evaluate("document.querySelector('svg.graph').outerHTML"), StringComparison.Ordinal);

        // A property of the template: clicking its line highlights exactly the resources it produced.
        var group = explain.Resources.Where(r => !r.Implicit).SelectMany(r => r.Groups.Select(g => (r, g))).Last(x => x.g.PropertyPath.Length > 0 && x.g.Span.IsKnown);
        var cause = await browser.Evaluate($"document.getElementById('L{group.g.Span.Line}').querySelector('a.cause').getAttribute('data-cause')");
        await browser.Click($"#L{group.g.Span.Line} a.cause");
        var highlighted = Strings(await browser.Evaluate("Array.from(document.querySelectorAll('button.res.hl > code')).map(e => e.textContent)"));
        Assert.Equal(group.g.Resources.Select(x => x.LogicalId).Order(StringComparer.Ordinal), highlighted.Order(StringComparer.Ordinal));
        Assert.Equal("true", await browser.Evaluate($"document.getElementById('g-{cause}').classList.contains('hl')"));

        // The reverse: a generated resource highlights the line of the property that caused it.
        var first = explain.Resources.Where(r => !r.Implicit).SelectMany(r => r.Groups).First(g => g.Span.IsKnown && g.Resources.Count > 0);
        await browser.Click($"button.res[id='r-{first.Resources[0].LogicalId}']");
        Assert.Equal($"L{first.Span.Line}", await browser.Evaluate("document.querySelector('a.cause.hl').closest('.line').id"));

        // Keyboard: the cause lines are links; Enter on a focused one highlights as a click does.
        await browser.Evaluate($"document.querySelector('#L{group.g.Span.Line} a.cause').focus()");
        await browser.Press("Enter", "Enter", 13, "\r");
        Assert.Equal("true", await browser.Evaluate($"document.getElementById('g-{cause}').classList.contains('hl')"));

        var shot = Path.Combine(AppContext.BaseDirectory, "report-screenshots", name + ".png");
        await browser.Evaluate("window.scrollTo(0, 0)");
        await browser.Screenshot(shot, fullPage: false);
        output.WriteLine($"screenshot: {shot}");
    }

    [Fact]
    public void Template_text_is_escaped_and_the_page_needs_no_network()
    {
        using var dir = new TempDir();
        var file = dir.Write("template.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Description: "<script>alert(1)</script> & 'quotes' \"double\""
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: s3://b/k.zip
                  Handler: "<img src=x onerror=alert(2)>"
                  Runtime: python3.12
                  Events:
                    Q:
                      Type: SQS
                      Properties:
                        Queue: "arn:aws:sqs:us-east-1:123456789012:<b>q</b>"
            """);
        var r = CliRunner.Run("report", file, "--region", "us-east-1");
        Assert.Equal(0, r.ExitCode);
        Assert.DoesNotContain("<script>alert", r.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", r.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>q</b>", r.Out, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;quotes&#39;", r.Out, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;q&lt;/b&gt;", r.Out, StringComparison.Ordinal);
        foreach (var external in new[] { "http://", "https://", "//cdn", "src=\"http" })
        {
            Assert.DoesNotContain(external, r.Out.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        Assert.Equal(1, r.Out.Split("<script>").Length - 1);
    }

    private static List<string> Strings(string json) => JsonSerializer.Deserialize<List<string>>(json) ?? [];
}
