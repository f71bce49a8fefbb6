namespace Airlock.Proxy.Persistence;

/// <summary>The persisted route table is not the one this proxy last wrote or read: another writer changed it.</summary>
internal sealed class RouteStoreConflictException : Exception
{
    public RouteStoreConflictException()
    {
    }

    public RouteStoreConflictException(string message)
        : base(message)
    {
    }

    public RouteStoreConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
