using SamPerms.Model;
using SamPerms.Model.Py27;

namespace SamPerms.Tests.RestApi;

public sealed class Py27DictOrderTests
{
    [Fact]
    public void KeysIterateInPython27HashOrder()
    {
        // Python 2.7: d = {}; d['swagger'] = ...; d['info'] = ...; d['paths'] = ...; d.keys() == ['info', 'paths', 'swagger']
        var m = MapNode.NewPy27();
        m.Set("swagger", "2.0");
        m.Set("info", new MapNode());
        m.Set("paths", new MapNode());
        Assert.Equal(["info", "paths", "swagger"], m.Keys.ToArray());
    }

    [Fact]
    public void StrOfUnicodeAndPlainStringsDiffers()
    {
        var m = MapNode.NewPy27();
        m.Set("/add", new StringNode("x") { Unicode = true }, keyUnicode: true);
        Assert.Equal("{u'/add': u'x'}", Py27Str.Of(m));
    }
}
