using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace SamPerms.Tests.Support;

/// <summary>
/// Debian's headless Chromium driven over the DevTools protocol (a WebSocket; no driver package): open a page,
/// evaluate script, click at an element's place with real mouse events, press keys, take a screenshot.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    public const string Executable = "/usr/bin/chromium";

    private readonly Process _process;
    private readonly ClientWebSocket _socket;
    private readonly string _profile;
    private int _nextId;

    private HeadlessChromium(Process process, ClientWebSocket socket, string profile)
    {
        _process = process;
        _socket = socket;
        _profile = profile;
    }

    /// <summary>Null when Chromium can run here; else why not.</summary>
    public static string? Unavailable =>
        File.Exists(Executable) ? null : $"{Executable} is absent: the report page's browser test needs Debian's chromium (make browser installs it)";

    public static async Task<HeadlessChromium> Start(int width = 1400, int height = 1000)
    {
        var profile = Path.Combine(Path.GetTempPath(), "samperms-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var start = new ProcessStartInfo(Executable) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile, "--remote-debugging-port=0",
                     $"--window-size={width},{height}", "about:blank",
                 })
        {
            start.ArgumentList.Add(a);
        }

        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var portFile = Path.Combine(profile, "DevToolsActivePort");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!File.Exists(portFile) || File.ReadAllText(portFile).Split('\n')[0].Length == 0)
        {
            if (DateTime.UtcNow > deadline || process.HasExited)
            {
                throw new InvalidOperationException("chromium did not open its DevTools port");
            }

            await Task.Delay(100);
        }

        var port = File.ReadAllText(portFile).Split('\n')[0].Trim();
        using var http = new HttpClient();
        string? url = null;
        while (url is null)
        {
            using var list = JsonDocument.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/json/list"));
            url = list.RootElement.EnumerateArray().Where(t => t.GetProperty("type").GetString() == "page")
                .Select(t => t.GetProperty("webSocketDebuggerUrl").GetString()).FirstOrDefault();
            if (url is null)
            {
                await Task.Delay(100);
            }
        }

        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(url), CancellationToken.None);
        return new HeadlessChromium(process, socket, profile);
    }

    public async Task Open(string file)
    {
        await Send("Page.navigate", new Dictionary<string, object> { ["url"] = new Uri(file).AbsoluteUri });
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await Evaluate("document.readyState") != "complete")
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the page did not load");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The value of a script expression, as a string (objects as JSON).</summary>
    public async Task<string> Evaluate(string expression)
    {
        var result = await Send("Runtime.evaluate", new Dictionary<string, object> { ["expression"] = $"(function(){{ var v = ({expression}); return typeof v === 'string' ? v : JSON.stringify(v); }})()", ["returnByValue"] = true });
        var r = result.GetProperty("result");
        return r.TryGetProperty("value", out var v) ? v.GetString() ?? "" : "";
    }

    /// <summary>A real mouse click at the centre of the first element the selector matches.</summary>
    public async Task Click(string selector)
    {
        var rect = await Evaluate($"(function(){{ var e = document.querySelector({JsonSerializer.Serialize(selector)}); e.scrollIntoView({{block:'center'}}); var r = e.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; }})()");
        var xy = JsonDocument.Parse(rect).RootElement;
        double x = xy[0].GetDouble(), y = xy[1].GetDouble();
        foreach (var type in new[] { "mousePressed", "mouseReleased" })
        {
            await Send("Input.dispatchMouseEvent", new Dictionary<string, object> { ["type"] = type, ["x"] = x, ["y"] = y, ["button"] = "left", ["clickCount"] = 1 });
        }
    }

    /// <summary>Presses a key (Enter, Tab) as the keyboard would.</summary>
    public async Task Press(string key, string code, int keyCode, string? text = null)
    {
        var down = new Dictionary<string, object> { ["type"] = "keyDown", ["key"] = key, ["code"] = code, ["windowsVirtualKeyCode"] = keyCode };
        if (text is not null)
        {
            down["text"] = text;
        }

        await Send("Input.dispatchKeyEvent", down);
        await Send("Input.dispatchKeyEvent", new Dictionary<string, object> { ["type"] = "keyUp", ["key"] = key, ["code"] = code, ["windowsVirtualKeyCode"] = keyCode });
    }

    public async Task Screenshot(string path, bool fullPage)
    {
        var p = new Dictionary<string, object> { ["format"] = "png", ["captureBeyondViewport"] = fullPage };
        var result = await Send("Page.captureScreenshot", p);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, Convert.FromBase64String(result.GetProperty("data").GetString()!));
    }

    private async Task<JsonElement> Send(string method, Dictionary<string, object> parameters)
    {
        int id = ++_nextId;
        var message = new StringBuilder().Append("{\"id\":").Append(id).Append(",\"method\":").Append(JsonSerializer.Serialize(method))
            .Append(",\"params\":").Append(JsonSerializer.Serialize(parameters)).Append('}').ToString();
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, CancellationToken.None);
        var buffer = new byte[1 << 16];
        while (true)
        {
            using var ms = new MemoryStream();
            WebSocketReceiveResult received;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            do
            {
                received = await _socket.ReceiveAsync(buffer, timeout.Token);
                ms.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);

            using var doc = JsonDocument.Parse(ms.ToArray());
            if (doc.RootElement.TryGetProperty("id", out var got) && got.GetInt32() == id)
            {
                if (doc.RootElement.TryGetProperty("error", out var error))
                {
                    throw new InvalidOperationException($"{method}: {error}");
                }

                return doc.RootElement.GetProperty("result").Clone();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _socket.Dispose();
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        finally
        {
            _process.Dispose();
            try
            {
                Directory.Delete(_profile, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
