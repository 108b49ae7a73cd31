using SamPerms.Cli;
using SamPerms.Pipeline;
using SamPerms.Tests.Support;
using SamPerms.Yaml;

namespace SamPerms.Tests.Robustness;

/// <summary>
/// Limits before work: a file over the size limit is refused from its length, before its bytes are read (a
/// 600 MB file costs no 600 MB of memory); standard input is read up to the limit and no further. The refusal is
/// SP1005 with exit 1 in every command, as for any template SAM rejects.
/// </summary>
public sealed class InputSizeLimitTests
{
    private const long Huge = 600L * 1024 * 1024;

    [Fact]
    public void A_file_over_the_limit_is_refused_from_its_length_without_reading_it()
    {
        using var dir = new TempDir();
        var path = Sparse(dir, "huge.yaml", Huge);

        long before = GC.GetAllocatedBytesForCurrentThread();
        var read = FileInput.Read(path);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Null(read.Bytes);
        Assert.Equal("SP1005", read.Refusal?.Code);
        Assert.Contains($"the file is {Huge} bytes; SamPerms reads at most {ReaderLimits.Default.MaxBytes} bytes", read.Refusal!.Message);
        Assert.True(allocated < 1024 * 1024, $"refusing a {Huge}-byte file allocated {allocated} bytes");
    }

    [Fact]
    public void A_file_at_the_limit_is_read_whole()
    {
        using var dir = new TempDir();
        var path = dir.Write("t.yaml", "Resources: {}\n");
        var read = FileInput.Read(path, new ReaderLimits(MaxBytes: 14));
        Assert.Equal(14, read.Bytes?.Length);
        Assert.Equal("SP1005", FileInput.Read(path, new ReaderLimits(MaxBytes: 13)).Refusal?.Code);
    }

    [Fact]
    public void Standard_input_is_read_up_to_the_limit_and_no_further()
    {
        var stream = new CountingStream();
        var read = FileInput.FromStream("stdin", stream, new ReaderLimits(MaxBytes: 1000));
        Assert.Null(read.Bytes);
        Assert.Equal("SP1005", read.Refusal?.Code);
        Assert.Contains("the input is more than 1000 bytes", read.Refusal!.Message);
        Assert.True(stream.Served <= 1001, $"read {stream.Served} bytes of an endless stream with a 1000-byte limit");
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("transform")]
    [InlineData("permissions")]
    [InlineData("can")]
    public void Every_command_refuses_a_huge_file_with_SP1005_and_exit_1(string command)
    {
        using var dir = new TempDir();
        var path = Sparse(dir, "huge.yaml", Huge);
        string[] args = command == "can" ? [command, path, "Fn", "s3:GetObject"] : [command, path];
        var r = CliRunner.Run(args);
        Assert.Equal(ExitCodes.Invalid, r.ExitCode);
        Assert.Contains("SP1005", r.Out + r.Err);
        Assert.DoesNotContain("   at ", r.Err);
    }

    [Fact]
    public void Diff_of_two_versions_refuses_a_huge_one()
    {
        using var dir = new TempDir();
        var small = dir.Write("old.yaml", "Resources:\n  T:\n    Type: AWS::SNS::Topic\n");
        var path = Sparse(dir, "huge.yaml", Huge);
        var r = CliRunner.Run("diff", small, path);
        Assert.Equal(ExitCodes.Invalid, r.ExitCode);
        Assert.Contains("SP1005", r.Err);
    }

    private static string Sparse(TempDir dir, string name, long length)
    {
        var path = Path.Combine(dir.Path, name);
        using var f = new FileStream(path, FileMode.CreateNew);
        f.SetLength(length);
        return path;
    }

    /// <summary>An endless stream of 'a' that counts what it served.</summary>
    private sealed class CountingStream : Stream
    {
        public long Served { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)'a', offset, count);
            Served += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
