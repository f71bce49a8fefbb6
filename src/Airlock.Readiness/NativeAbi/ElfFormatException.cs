namespace Airlock.Readiness.NativeAbi;

/// <summary>A file starts with the ELF magic but its headers do not hold together.</summary>
internal sealed class ElfFormatException : Exception
{
    public ElfFormatException()
    {
    }

    public ElfFormatException(string message)
        : base(message)
    {
    }

    public ElfFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
