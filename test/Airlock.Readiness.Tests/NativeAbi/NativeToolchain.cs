using System.Diagnostics;

namespace Airlock.Readiness.Tests.NativeAbi;

/// <summary>Builds real ELF files with the machine's gcc, and reads them with binutils for comparison.</summary>
internal static class NativeToolchain
{
    public const string Hello = "#include <stdio.h>\nint main(void) { puts(\"hi\"); return 0; }\n";

    /// <summary>Compiles C source into <paramref name="output"/> (absolute), with extra gcc flags.</summary>
    public static void CompileC(string source, string output, params string[] flags)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        var sourcePath = output + ".c";
        File.WriteAllText(sourcePath, source);
        Run("gcc", [sourcePath, "-o", output, .. flags]);
        File.Delete(sourcePath);
    }

    public static void CompileCpp(string source, string output)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        var sourcePath = output + ".cpp";
        File.WriteAllText(sourcePath, source);
        Run("g++", [sourcePath, "-o", output]);
        File.Delete(sourcePath);
    }

    /// <summary>The version names <c>readelf -V</c> lists under "Version needs".</summary>
    public static HashSet<string> ReadelfNeededVersions(string path)
    {
        var output = Run("readelf", ["-V", "-W", path]);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var inNeeds = false;
        foreach (var line in output.Split('\n'))
        {
            if (line.StartsWith("Version needs section", StringComparison.Ordinal))
            {
                inNeeds = true;
            }
            else if (line.StartsWith("Version", StringComparison.Ordinal))
            {
                inNeeds = false;
            }
            else if (inNeeds && line.Contains("Name: ", StringComparison.Ordinal))
            {
                var name = line[(line.IndexOf("Name: ", StringComparison.Ordinal) + 6)..];
                names.Add(name[..name.IndexOf(' ', StringComparison.Ordinal)]);
            }
        }

        return names;
    }

    private static string Run(string file, string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{file} failed: {errors.Result}");
    }
}
