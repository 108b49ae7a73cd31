using SamPerms.Model;
using SamPerms.Tests.Support;

namespace SamPerms.Tests.RestApi;

/// <summary>
/// An Api event's RequestParameters as the reference reads them: it loops over the value, so a one-key map
/// (which passes the list check as a would-be intrinsic) counts as a list of its key.
/// </summary>
public sealed class RequestParametersTests
{
    private static string Template(string parameters) => Transform.FunctionHeader + $$"""

              Events:
                Web:
                  Type: Api
                  Properties:
                    Path: /orders
                    Method: get
                    RequestParameters: {{parameters}}
        """;

    private static SeqNode SwaggerParameters(string parameters)
    {
        var api = Transform.Properties(Transform.Run(Template(parameters)), "ServerlessRestApi");
        var get = (MapNode)((MapNode)((MapNode)((MapNode)api.Get("Body")!).Get("paths")!).Get("/orders")!).Get("get")!;
        return Assert.IsType<SeqNode>(get.Get("parameters"));
    }

    [Fact]
    public void A_one_key_map_is_read_as_a_list_of_its_key()
    {
        var parameter = Assert.IsType<MapNode>(Assert.Single(SwaggerParameters("{method.request.header.Tenant: {Required: true}}").Items));
        Assert.Equal("Tenant", parameter.Get("name")!.Str);
        Assert.Equal("header", parameter.Get("in")!.Str);

        // The key alone is the parameter: its settings are not read.
        Assert.False(((BoolNode)parameter.Get("required")!).Value);
    }

    [Fact]
    public void A_list_item_with_settings_keeps_them()
    {
        var parameter = Assert.IsType<MapNode>(Assert.Single(SwaggerParameters("[{method.request.querystring.page: {Required: true}}]").Items));
        Assert.Equal("page", parameter.Get("name")!.Str);
        Assert.True(((BoolNode)parameter.Get("required")!).Value);
    }

    [Theory]
    [InlineData("{Ref: Something}")]
    [InlineData("[{}]")]
    [InlineData("[method.request.body.x]")]
    public void Keys_in_the_wrong_format_are_refused(string parameters)
    {
        Assert.EndsWith(
            "Resource with id [Fn] is invalid. Event with id [Web] is invalid. Invalid value for 'RequestParameters' property. Keys must be in the format 'method.request.[querystring|path|header].{value}', e.g 'method.request.header.Authorization'.",
            Transform.Error(Template(parameters)),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Items_that_are_neither_strings_nor_maps_are_refused()
    {
        Assert.EndsWith(
            "Invalid value for 'RequestParameters' property. Property must be either a string or an object",
            Transform.Error(Template("[5]")),
            StringComparison.Ordinal);
    }
}
