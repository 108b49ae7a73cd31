namespace SamPerms.Model.Py27;

/// <summary>
/// The reference's to_py27_compatible_template: when a template has a REST API (or an HTTP API with a default
/// authorizer), the parts that feed API definitions become Python 2.7 dicts with unicode strings, so that the
/// definitions keep the key order (and deployment hashes) SAM produced on Python 2.7.
/// </summary>
public static class Py27Template
{
    /// <summary>Converts the template in place; returns whether it applied (parameter values then convert too).</summary>
    public static bool Apply(MapNode template)
    {
        if (!HasApiResource(template) && !HasHttpApiWithDefaultAuthorizer(template))
        {
            return false;
        }

        if (template.Get("Globals") is MapNode globals && globals.TryGet("Api", out var api))
        {
            globals.Set("Api", Convert(api));
        }

        if (template.Get("Parameters") is MapNode parameters)
        {
            var converted = MapNode.NewPy27(parameters.Count);
            converted.Span = parameters.Span;
            foreach (var e in parameters.Entries)
            {
                if (e.Value is MapNode p && p.TryGet("Default", out var d))
                {
                    p.Set("Default", Convert(d));
                }

                converted.Add(e.Key, e.Value, e.KeySpan, keyUnicode: true);
            }

            template.Set("Parameters", converted);
        }

        if (template.Get("Resources") is MapNode resources)
        {
            var converted = MapNode.NewPy27(resources.Count);
            converted.Span = resources.Span;
            foreach (var e in resources.Entries)
            {
                if (e.Value is MapNode r && r.Get("Properties") is { } props and not NullNode)
                {
                    var type = r.Get("Type")?.Str;
                    if (type is "AWS::Serverless::Api" or "AWS::Serverless::HttpApi")
                    {
                        r.Set("Properties", Convert(props));
                    }
                    else if (type is "AWS::Serverless::Function" or "AWS::Serverless::StateMachine")
                    {
                        if (r.TryGet("Condition", out var c))
                        {
                            r.Set("Condition", Convert(c));
                        }

                        if (props is MapNode pm)
                        {
                            foreach (var name in new[] { "FunctionName", "Events" })
                            {
                                if (pm.TryGet(name, out var v))
                                {
                                    pm.Set(name, Convert(v));
                                }
                            }
                        }
                    }
                }

                converted.Add(e.Key, e.Value, e.KeySpan, keyUnicode: true);
            }

            template.Set("Resources", converted);
        }

        return true;
    }

    /// <summary>The reference's _convert_to_py27_type: strings become unicode, dicts Python 2.7 dicts (keys added in order).</summary>
    public static Node Convert(Node node)
    {
        switch (node)
        {
            case StringNode s:
                return s.Unicode ? s : new StringNode(s.Value) { Unicode = true, Span = s.Span };
            case IntNode i when !i.Py27Long && IsBeyondMaxInt(i):
                return new IntNode(i.Value, i.Text) { Py27Long = true, Span = i.Span };
            case SeqNode q:
                var list = new SeqNode(q.Count) { Span = q.Span };
                foreach (var item in q.Items)
                {
                    list.Add(Convert(item));
                }

                return list;
            case MapNode m:
                var map = MapNode.NewPy27(m.Count);
                map.Span = m.Span;
                foreach (var e in m.Entries)
                {
                    map.Add(e.Key, Convert(e.Value), e.KeySpan, keyUnicode: true);
                }

                return map;
            default:
                return node;
        }
    }

    /// <summary>Greater than Python 2's sys.maxint (the reference's Py27LongInt.PY2_MAX_INT).</summary>
    private static bool IsBeyondMaxInt(IntNode i) =>
        System.Numerics.BigInteger.TryParse(i.Text, System.Globalization.CultureInfo.InvariantCulture, out var v) && v > long.MaxValue;

    private static bool HasApiResource(MapNode template)
    {
        if (template.Get("Resources") is not MapNode resources)
        {
            return false;
        }

        foreach (var r in resources.Values)
        {
            if (r is not MapNode m)
            {
                continue;
            }

            var type = m.Get("Type")?.Str;
            if (type == "AWS::Serverless::Api")
            {
                return true;
            }

            if (type is "AWS::Serverless::Function" or "AWS::Serverless::StateMachine"
                && (m.Get("Properties") as MapNode)?.Get("Events") is MapNode events)
            {
                foreach (var ev in events.Values)
                {
                    if (ev is MapNode em && Py.Truthy(em) && em.Get("Type")?.Str == "Api")
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool HasHttpApiWithDefaultAuthorizer(MapNode template)
    {
        bool globalDefault = false;
        if (template.Get("Globals") is MapNode g && g.Get("HttpApi") is MapNode h && h.Get("Auth") is MapNode a)
        {
            globalDefault = Py.Truthy(a.Get("DefaultAuthorizer"));
        }

        if (template.Get("Resources") is not MapNode resources)
        {
            return false;
        }

        foreach (var r in resources.Values)
        {
            if (r is MapNode m && m.Get("Type")?.Str == "AWS::Serverless::HttpApi")
            {
                var auth = (m.Get("Properties") as MapNode)?.Get("Auth");
                if ((auth is MapNode am && Py.Truthy(am) && Py.Truthy(am.Get("DefaultAuthorizer"))) || globalDefault)
                {
                    return true;
                }
            }
        }

        if (globalDefault)
        {
            foreach (var r in resources.Values)
            {
                if (r is MapNode m && m.Get("Type")?.Str == "AWS::Serverless::Function"
                    && (m.Get("Properties") as MapNode)?.Get("Events") is MapNode events)
                {
                    foreach (var ev in events.Values)
                    {
                        if (ev is MapNode em && Py.Truthy(em) && em.Get("Type")?.Str == "HttpApi")
                        {
                            return true;
                        }
                    }
                }
            }
        }

        return false;
    }
}
